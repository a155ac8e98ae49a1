package dev.parley.chat.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.parley.chat.adapter.out.memory.InMemoryMessageHistory;
import dev.parley.chat.domain.fakes.RecordingMessagePublisher;
import dev.parley.chat.domain.model.Catchup;
import dev.parley.chat.domain.model.ChatMessage;
import dev.parley.chat.domain.model.ClientMessageId;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.Epoch;
import dev.parley.chat.domain.model.Gap;
import dev.parley.chat.domain.model.GapReason;
import dev.parley.chat.domain.model.HistoryDelivery;
import dev.parley.chat.domain.model.HistoryEntry;
import dev.parley.chat.domain.model.HistoryHead;
import dev.parley.chat.domain.model.HistoryPage;
import dev.parley.chat.domain.model.HistoryPosition;
import dev.parley.chat.domain.model.HistoryWindow;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.RoomCatchup;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.SendReceipt;
import dev.parley.chat.domain.model.StoredMessage;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.model.VoidSeq;
import dev.parley.chat.domain.port.in.HistoryCommand;
import dev.parley.chat.domain.port.in.HistoryResult;
import dev.parley.chat.domain.port.in.JoinRoomCommand;
import dev.parley.chat.domain.port.in.JoinRoomResult;
import dev.parley.chat.domain.port.in.SendMessageCommand;
import dev.parley.chat.domain.port.in.SendMessageCommand.ToConnection;
import dev.parley.chat.domain.port.in.SendMessageCommand.ToRoom;
import dev.parley.chat.domain.port.in.SendMessageResult;
import dev.parley.chat.domain.port.out.DeliveryResult;
import dev.parley.chat.domain.port.out.MessageHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Sending stores room messages in seq order; joining with a position catches up; history pages back; resends. */
class RoomHistoryTest {

    private static final RoomName DESIGN = new RoomName("design");
    private static final HistoryWindow WINDOW = new HistoryWindow(100, Duration.ofDays(1));

    private final ChatFixture chat = new ChatFixture();
    private final SendMessageService send = new SendMessageService(chat.registry, chat.rooms, chat.publisher,
            chat.clock, chat.limits, chat.history, chat.receipts, WINDOW);
    private final JoinRoomService join = new JoinRoomService(chat.registry, chat.rooms, chat.publisher, chat.clock,
            chat.limits, RoomLimit.DEFAULT, chat.history, WINDOW);
    private final HistoryService history = new HistoryService(chat.rooms, chat.history, WINDOW, chat.publisher, chat.clock);
    private final ResetHistoryService reset = new ResetHistoryService(chat.history);
    private final Connection ann = chat.active("Ann", new UserId("ann"));
    private final Connection bob = chat.active("Bob");

    RoomHistoryTest() {
        chat.join(ann, DESIGN);
        chat.join(bob, DESIGN);
    }

    @Test
    void roomMessages_areStoredInSeqOrder_andDeliveredWithTheirSeq() {
        ChatMessage first = sent(say(ann, "one"));
        ChatMessage second = sent(say(bob, "two"));

        assertThat(first.seq()).hasValue(1);
        assertThat(second.seq()).hasValue(2);
        HistoryHead head = chat.history.head(DESIGN);
        assertThat(head.seq()).isEqualTo(2);
        assertThat(chat.history.entries(DESIGN, HistoryPosition.start(head.epoch()), 2))
                .extracting(entry -> ((StoredMessage) entry).message())
                .containsExactly(first, second);
        assertThat(chat.publisher.recipientsOf(first)).containsExactly(bob.id());
    }

    @Test
    void directMessages_haveNoSeqAndAreNotStored() {
        var result = send.send(new SendMessageCommand(ann.id(), new MessageText("psst"), new ToConnection(bob.id())));

        assertThat(((SendMessageResult.Sent) result).message().seq()).isEmpty();
        assertThat(chat.history.head(RoomName.LOBBY).seq()).isZero();
        assertThat(chat.history.head(DESIGN).seq()).isZero();
    }

    @Test
    void givenStoreFails_sendFails_theSeqIsMarkedVoid_andTheClientsIdIsFreeAgain() {
        var failing = new FailingHistory(chat.history);
        var flaky = new SendMessageService(chat.registry, chat.rooms, chat.publisher, chat.clock, chat.limits, failing,
                chat.receipts, WINDOW);
        var command = resendable(ann, "lost", "m1");

        assertThatThrownBy(() -> flaky.send(command)).isInstanceOf(IllegalStateException.class);

        HistoryHead head = chat.history.head(DESIGN);
        assertThat(chat.history.entries(DESIGN, HistoryPosition.start(head.epoch()), 1))
                .containsExactly(new VoidSeq(new HistoryPosition(head.epoch(), 1), ChatFixture.NOW));
        assertThat(chat.publisher.sent()).isEmpty();
        assertThat(sent(command).seq()).hasValue(2);
    }

    @Test
    void aResend_isAnsweredWithTheFirstIdAndSeq_andNeitherStoredNorDeliveredAgain() {
        ChatMessage first = sent(resendable(ann, "once", "m7"));
        chat.clock.advance(Duration.ofHours(23));
        Connection annAgain = chat.active("Ann again", new UserId("ann"));
        chat.join(annAgain, DESIGN);

        SendMessageResult again = send.send(resendable(annAgain, "once", "m7"));

        assertThat(again).isInstanceOfSatisfying(SendMessageResult.AlreadySent.class, resent -> {
            assertThat(resent.first().id()).isEqualTo(first.id());
            assertThat(resent.first().position()).map(HistoryPosition::seq).contains(1L);
        });
        assertThat(chat.history.head(DESIGN).seq()).isEqualTo(1);
        assertThat(chat.publisher.recipientsOf(first)).containsExactly(bob.id());
        assertThat(chat.publisher.sent()).hasSize(1 + chat.announcements().size());
    }

    @Test
    void theSameClientId_fromAnotherSender_orAfterADay_isANewMessage() {
        sent(resendable(ann, "one", "m1"));

        assertThat(sent(resendable(bob, "two", "m1")).seq()).hasValue(2);
        chat.clock.advance(SendReceipt.RESEND_WINDOW);
        assertThat(sent(resendable(ann, "three", "m1")).seq()).hasValue(3);
    }

    @Test
    void join_answersTheHead_andWithAPosition_everyMessageMissedInOrder() {
        sent(say(ann, "seen"));
        HistoryPosition seen = chat.history.head(DESIGN).latest();
        List<ChatMessage> missed = LongStream.rangeClosed(1, 5).mapToObj(n -> sent(say(bob, "missed " + n))).toList();

        JoinRoomResult.Joined joined = joined(ann, Optional.of(seen));
        JoinRoomResult.Joined plain = joined(ann, Optional.empty());

        assertThat(joined.head().seq()).isEqualTo(6);
        assertThat(joined.catchup()).map(Catchup::gap).contains(Optional.empty());
        assertThat(joined.catchup().orElseThrow().messages()).extracting(StoredMessage::message)
                .containsExactlyElementsOf(missed);
        assertThat(plain.catchup()).isEmpty();
        assertThat(joined(ann, Optional.of(joined.head().latest())).catchup()).contains(Catchup.none());
        assertThat(chat.publisher.sent()).filteredOn(sent -> sent.message() instanceof RoomCatchup)
                .extracting(RecordingMessagePublisher.Sent::recipient, sent -> ((RoomCatchup) sent.message()).catchup())
                .containsExactly(tuple(ann.id(), joined.catchup().orElseThrow()), tuple(ann.id(), Catchup.none()));
    }

    @Test
    void givenJoinerFoundGoneByItsCatchup_join_takesItOutOfItsRoomsAsAtDisconnect() {
        sent(say(ann, "seen"));
        HistoryPosition seen = chat.history.head(DESIGN).latest();
        sent(say(bob, "missed"));
        chat.publisher.answer(ann.id(), DeliveryResult.gone());

        joined(ann, Optional.of(seen));

        assertThat(chat.registry.findActive(ann.id())).isEmpty();
        assertThat(chat.rooms.roomsOf(ann.id())).isEmpty();
        assertThat(chat.rooms.members(DESIGN)).containsExactly(bob.id());
    }

    @Test
    void givenAVoidSeqAmongTheLatestAfterAGap_join_listsItAsVoid() {
        var flaky = new SendMessageService(chat.registry, chat.rooms, chat.publisher, chat.clock, chat.limits,
                new FailingHistory(chat.history), chat.receipts, WINDOW);
        sent(say(ann, "seen"));
        HistoryPosition seen = chat.history.head(DESIGN).latest();
        for (int n = 0; n < WINDOW.maxMessages() + 20; n++) {
            sent(say(bob, "missed " + n));
        }
        assertThatThrownBy(() -> flaky.send(say(bob, "lost"))).isInstanceOf(IllegalStateException.class);
        sent(say(bob, "after the lost one"));

        Catchup catchup = joined(ann, Optional.of(seen)).catchup().orElseThrow();

        assertThat(catchup.gap()).contains(new Gap(2, 72, GapReason.WINDOW));
        assertThat(catchup.messages()).extracting(StoredMessage::seq).hasSize(HistoryWindow.LATEST_AFTER_GAP)
                .startsWith(73L).endsWith(121L, 123L);
        assertThat(catchup.voids()).containsExactly(122L);
    }

    @Test
    void givenMoreMissedThanTheWindow_join_answersTheExactGapAndTheLatestFifty() {
        sent(say(ann, "seen"));
        HistoryPosition seen = chat.history.head(DESIGN).latest();
        for (int n = 0; n < WINDOW.maxMessages() + 20; n++) {
            sent(say(bob, "missed " + n));
        }

        Catchup catchup = joined(ann, Optional.of(seen)).catchup().orElseThrow();

        assertThat(catchup.gap()).contains(new Gap(2, 71, GapReason.WINDOW));
        assertThat(catchup.messages()).extracting(StoredMessage::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(72, 121).boxed().toList());
    }

    @Test
    void givenResetRoom_join_answersAnEpochGapAndTheNewEpochsMessages() {
        sent(say(ann, "before the reset"));
        HistoryPosition seen = chat.history.head(DESIGN).latest();
        HistoryHead fresh = reset.reset(DESIGN);
        ChatMessage after = sent(say(bob, "after the reset"));

        Catchup catchup = joined(ann, Optional.of(seen)).catchup().orElseThrow();

        assertThat(fresh.epoch()).isNotEqualTo(seen.epoch());
        assertThat(catchup.gap()).contains(new Gap(1, 0, GapReason.EPOCH));
        assertThat(catchup.messages()).extracting(StoredMessage::message).containsExactly(after);
    }

    @Test
    void givenMissedMessagesExpired_join_answersAnExpiredGapThenTheRest() {
        sent(say(ann, "seen"));
        HistoryPosition seen = chat.history.head(DESIGN).latest();
        sent(say(bob, "expires"));
        chat.clock.advance(WINDOW.retention().minusMinutes(10));
        ChatMessage kept = sent(say(bob, "kept"));
        chat.clock.advance(Duration.ofMinutes(10));

        Catchup catchup = joined(ann, Optional.of(seen)).catchup().orElseThrow();

        assertThat(catchup.gap()).contains(new Gap(2, 2, GapReason.EXPIRED));
        assertThat(catchup.messages()).extracting(StoredMessage::message).containsExactly(kept);
    }

    @Test
    void history_pagesBackOldestFirst_andSaysWhetherMoreAreKept() {
        List<ChatMessage> all = LongStream.rangeClosed(1, 7).mapToObj(n -> sent(say(ann, "m" + n))).toList();

        HistoryPage latest = page(OptionalLong.empty(), 3);
        HistoryPage before = page(OptionalLong.of(latest.firstSeq(0)), 3);
        HistoryPage first = page(OptionalLong.of(before.firstSeq(0)), 3);

        assertThat(latest.messages()).extracting(StoredMessage::message).containsExactlyElementsOf(all.subList(4, 7));
        assertThat(latest.more()).isTrue();
        assertThat(before.messages()).extracting(StoredMessage::message).containsExactlyElementsOf(all.subList(1, 4));
        assertThat(first.messages()).extracting(StoredMessage::message).containsExactly(all.get(0));
        assertThat(first.more()).isFalse();
        assertThat(page(OptionalLong.of(1_000), 100).messages()).hasSize(7);
        assertThat(chat.publisher.sent()).filteredOn(sent -> sent.message() instanceof HistoryDelivery)
                .extracting(RecordingMessagePublisher.Sent::recipient, sent -> ((HistoryDelivery) sent.message()).page())
                .startsWith(tuple(ann.id(), latest), tuple(ann.id(), before));
    }

    @Test
    void history_skipsVoidSeqs_andEndsAtTheFirstExpiredMessage() {
        sent(say(ann, "expires"));
        chat.clock.advance(Duration.ofMinutes(10));
        var failing = new SendMessageService(chat.registry, chat.rooms, chat.publisher, chat.clock, chat.limits,
                new FailingHistory(chat.history), chat.receipts, WINDOW);
        assertThatThrownBy(() -> failing.send(say(ann, "void"))).isInstanceOf(IllegalStateException.class);
        ChatMessage kept = sent(say(ann, "kept"));
        chat.clock.advance(WINDOW.retention().minusMinutes(5));

        HistoryPage page = page(OptionalLong.empty(), 2);

        assertThat(page.messages()).extracting(StoredMessage::message).containsExactly(kept);
        assertThat(page.more()).isFalse();
    }

    @Test
    void history_isForMembersOnly() {
        Connection carol = chat.active("Carol");

        assertThat(history.history(new HistoryCommand(carol.id(), DESIGN, OptionalLong.empty(), 10, Optional.empty())))
                .isEqualTo(new HistoryResult.NotAMember(DESIGN));
    }

    private SendMessageCommand say(Connection sender, String text) {
        return new SendMessageCommand(sender.id(), new MessageText(text), new ToRoom(DESIGN));
    }

    private SendMessageCommand resendable(Connection sender, String text, String clientId) {
        return new SendMessageCommand(sender.id(), new MessageText(text), new ToRoom(DESIGN),
                Optional.of(new ClientMessageId(clientId)));
    }

    private ChatMessage sent(SendMessageCommand command) {
        return ((SendMessageResult.Sent) send.send(command)).message();
    }

    private JoinRoomResult.Joined joined(Connection connection, Optional<HistoryPosition> since) {
        return (JoinRoomResult.Joined) join.join(new JoinRoomCommand(connection.id(), DESIGN, since, Optional.empty()));
    }

    private HistoryPage page(OptionalLong before, int limit) {
        return ((HistoryResult.Page) history.history(new HistoryCommand(ann.id(), DESIGN, before, limit, Optional.empty()))).page();
    }

    /** The in-memory history, but every store fails as a write that timed out would. */
    private static final class FailingHistory implements MessageHistory {
        private final InMemoryMessageHistory history;

        FailingHistory(InMemoryMessageHistory history) {
            this.history = history;
        }

        @Override
        public void store(StoredMessage message, Instant expiresAt) {
            throw new IllegalStateException("the store timed out");
        }

        @Override
        public HistoryHead head(RoomName room) {
            return history.head(room);
        }

        @Override
        public HistoryPosition allocate(RoomName room, Instant at) {
            return history.allocate(room, at);
        }

        @Override
        public void markVoid(RoomName room, HistoryPosition position, Instant at, Instant expiresAt) {
            history.markVoid(room, position, at, expiresAt);
        }

        @Override
        public List<HistoryEntry> entries(RoomName room, HistoryPosition after, long upTo) {
            return history.entries(room, after, upTo);
        }

        @Override
        public List<HistoryEntry> latest(RoomName room, Epoch epoch, long before, int limit) {
            return history.latest(room, epoch, before, limit);
        }

        @Override
        public HistoryHead reset(RoomName room) {
            return history.reset(room);
        }
    }
}
