package dev.parley.chat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.parley.chat.domain.model.Catchup;
import dev.parley.chat.domain.model.ChatMessage;
import dev.parley.chat.domain.model.ClientMessageId;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.Epoch;
import dev.parley.chat.domain.model.Gap;
import dev.parley.chat.domain.model.GapReason;
import dev.parley.chat.domain.model.HistoryDelivery;
import dev.parley.chat.domain.model.HistoryHead;
import dev.parley.chat.domain.model.HistoryPage;
import dev.parley.chat.domain.model.HistoryPosition;
import dev.parley.chat.domain.model.MemberPage;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.RoomCatchup;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.SendReceipt;
import dev.parley.chat.domain.model.StoredMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The frames of a resume and of history pages: their order, their fields, and that none is over 32 KB. */
class HistoryFramesTest {

    private static final MessageId ID = new MessageId(UUID.fromString("0b6f5c2e-4d1a-4c8e-9f3b-2a7d9e1c5b40"));
    private static final Instant SENT_AT = Instant.parse("2026-11-25T10:15:41.987Z");
    private static final RoomName DESIGN = new RoomName("design");
    private static final Epoch EPOCH = new Epoch("e-1");

    private final FrameWriter writer = new FrameWriter();

    @Test
    void roomMessage_carriesItsSeq_andItsAckToo() {
        ChatMessage message = message(41, "hi");

        assertThat(text(writer.encode(message))).endsWith(",\"direct\":false,\"room\":\"design\",\"seq\":41}");
        assertThat(writer.ack(ID, OptionalLong.of(41), 2, Optional.of("m-1"))).isEqualTo("{\"type\":\"ack\","
                + "\"id\":\"0b6f5c2e-4d1a-4c8e-9f3b-2a7d9e1c5b40\",\"seq\":41,\"recipients\":2,\"clientId\":\"m-1\"}");
    }

    @Test
    void repeatAck_isTheFirstSendsIdAndSeq_sentToNobodyAgain() {
        var first = new SendReceipt(ID, SENT_AT, Optional.of(new HistoryPosition(EPOCH, 41)));

        assertThat(writer.repeatAck(first, Optional.of("m-7"))).isEqualTo("{\"type\":\"ack\","
                + "\"id\":\"0b6f5c2e-4d1a-4c8e-9f3b-2a7d9e1c5b40\",\"seq\":41,\"recipients\":0,\"repeat\":true,"
                + "\"clientId\":\"m-7\"}");
    }

    @Test
    void catchup_isJoinedThenTheGapThenEachMessageMarkedReplayThenTheVoids() throws IOException {
        var catchup = new Catchup(Optional.of(new Gap(42, 762, GapReason.WINDOW)),
                List.of(stored(763, "a"), stored(765, "b")), List.of(764L));
        var head = new HistoryHead(new HistoryPosition(EPOCH, 765), Optional.of(SENT_AT));

        List<Map<String, Object>> frames = json(writer.frames(new RoomCatchup(ID, SENT_AT, DESIGN,
                new MemberPage(List.of(), 0, Optional.empty()), head, catchup, Optional.of(new ClientMessageId("j-1")))));

        assertThat(frames).extracting(frame -> frame.get("type"))
                .containsExactly("joined", "gap", "message", "message", "void");
        assertThat(frames.get(0)).containsEntry("epoch", "e-1").containsEntry("seq", 765).containsEntry("clientId", "j-1");
        assertThat(frames.get(1)).isEqualTo(Map.of("type", "gap", "room", "design", "from", 42, "to", 762,
                "reason", "window"));
        assertThat(frames.get(2)).containsEntry("seq", 763).containsEntry("replay", true).containsEntry("room", "design");
        assertThat(frames.get(4)).isEqualTo(Map.of("type", "void", "room", "design", "void", List.of(764)));
    }

    @Test
    void historyPage_ofSmallMessages_isOneFrameOldestFirst() throws IOException {
        var page = new HistoryPage(DESIGN, List.of(stored(1, "one"), stored(2, "two")), true);

        List<Map<String, Object>> frames = json(writer.frames(new HistoryDelivery(ID, SENT_AT, page,
                Optional.of(new ClientMessageId("h-1")))));

        assertThat(frames).singleElement().satisfies(frame -> {
            assertThat(frame).containsEntry("type", "history").containsEntry("room", "design")
                    .containsEntry("more", true).containsEntry("clientId", "h-1").doesNotContainKey("continues");
            assertThat((List<?>) frame.get("messages")).extracting(message -> (Object) ((Map<?, ?>) message).get("seq"))
                    .containsExactly((Object) 1, 2);
        });
    }

    @Test
    void aBacklogOf30KbMessages_takesFramesOfAtMost32Kb_eachMessageOnceInOrder() throws IOException {
        String thirtyKb = "x".repeat(30 * 1024 - 1) + "é";
        var frames = new ArrayList<byte[]>();
        var seqs = new ArrayList<Object>();
        for (long before = 5_001; before > 1; before -= HistoryPage.MAX_MESSAGES) {
            long first = Math.max(1, before - HistoryPage.MAX_MESSAGES);
            var page = new HistoryPage(DESIGN, LongStream.range(first, before).mapToObj(seq -> stored(seq, thirtyKb))
                    .toList(), first > 1);
            List<byte[]> pageFrames = writer.frames(new HistoryDelivery(ID, SENT_AT, page, Optional.empty()));
            frames.addAll(pageFrames);
            List<Map<String, Object>> parsed = json(pageFrames);
            assertThat(parsed.subList(0, parsed.size() - 1)).allSatisfy(frame -> assertThat(frame)
                    .containsEntry("continues", true));
            assertThat(parsed.get(parsed.size() - 1)).doesNotContainKey("continues").containsEntry("more", first > 1);
            var pageSeqs = new ArrayList<Object>();
            parsed.forEach(frame -> ((List<?>) frame.get("messages")).forEach(m -> pageSeqs.add(((Map<?, ?>) m).get("seq"))));
            seqs.addAll(0, pageSeqs);
        }

        assertThat(frames).allSatisfy(frame -> assertThat(frame.length).isLessThanOrEqualTo(32_000));
        assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, 5_000).mapToObj(Math::toIntExact).toList());
        var catchup = new Catchup(Optional.empty(), LongStream.rangeClosed(1, 1_000).mapToObj(seq -> stored(seq, thirtyKb))
                .toList(), LongStream.rangeClosed(1_001, 5_000).boxed().toList());
        assertThat(writer.frames(new RoomCatchup(ID, SENT_AT, DESIGN, new MemberPage(List.of(), 0, Optional.empty()),
                new HistoryHead(new HistoryPosition(EPOCH, 5_000), Optional.of(SENT_AT)), catchup, Optional.empty())))
                .hasSize(1 + 1_000 + 3)
                .allSatisfy(frame -> assertThat(frame.length).isLessThanOrEqualTo(32_000));
    }

    private static ChatMessage message(long seq, String text) {
        return new ChatMessage(ID, new ConnectionId("L0SM9cOFvHcCIhw="), new DisplayName("Ada"), Optional.empty(),
                new MessageText(text), SENT_AT, Optional.of(DESIGN), OptionalLong.of(seq));
    }

    private static StoredMessage stored(long seq, String text) {
        return new StoredMessage(new HistoryPosition(EPOCH, seq), message(seq, text));
    }

    private static String text(byte[] frame) {
        return new String(frame, StandardCharsets.UTF_8);
    }

    private static List<Map<String, Object>> json(List<byte[]> frames) throws IOException {
        var parsed = new ArrayList<Map<String, Object>>();
        for (byte[] frame : frames) {
            parsed.add(JSON.std.mapFrom(text(frame)));
        }
        return parsed;
    }
}
