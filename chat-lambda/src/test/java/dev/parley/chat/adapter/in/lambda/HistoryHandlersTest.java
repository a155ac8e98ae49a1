package dev.parley.chat.adapter.in.lambda;

import static dev.parley.chat.adapter.in.lambda.Chat.ALICE;
import static dev.parley.chat.adapter.in.lambda.Chat.BOB;
import static dev.parley.chat.adapter.in.lambda.Chat.CAROL;
import static dev.parley.chat.adapter.in.lambda.Chat.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.RoomName;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** History through the handlers: seqs on messages and acks, a resume's frames in order, resends, history pages. */
class HistoryHandlersTest {

    private final FakeChatComponent component = new FakeChatComponent();
    private final Chat chat = new Chat(component);

    @BeforeEach
    void aliceAndBobInDesign() {
        chat.aliceBobAndCarol("design", ALICE, BOB);
    }

    @Test
    void joinWithSince_sendsJoinedThenTheMissedMessagesMarkedReplay_andAnswersNothingMore() {
        String epoch = (String) chat.join(BOB, "design").get("epoch");
        say(ALICE, "one");
        say(ALICE, "two");
        component.settled();

        var response = chat.send(BOB, "{\"action\":\"join\",\"room\":\"design\",\"since\":{\"epoch\":\"" + epoch
                + "\",\"seq\":0},\"clientId\":\"j-2\"}");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isNull();
        List<Map<String, Object>> frames = chat.received(BOB);
        assertThat(frames).extracting(frame -> frame.get("type")).containsExactly("joined", "message", "message");
        assertThat(frames.get(0)).containsEntry("epoch", epoch).containsEntry("seq", 2).containsEntry("clientId", "j-2");
        assertThat(frames.subList(1, 3)).extracting(frame -> frame.get("message")).containsExactly("one", "two");
        assertThat(frames.subList(1, 3)).allSatisfy(frame -> assertThat(frame).containsEntry("replay", true));
    }

    @Test
    void aResendWithTheSameClientId_isAckedWithTheFirstIdAndSeq_andDeliveredOnce() {
        Map<String, Object> first = json(chat.send(ALICE, "{\"action\":\"sendMessage\",\"room\":\"design\","
                + "\"Message\":\"once\",\"clientId\":\"m-9\"}").getBody());
        Map<String, Object> again = json(chat.send(ALICE, "{\"action\":\"sendMessage\",\"room\":\"design\","
                + "\"Message\":\"once\",\"clientId\":\"m-9\"}").getBody());

        assertThat(first).containsEntry("seq", 1).doesNotContainKey("repeat");
        assertThat(again).containsEntry("id", first.get("id")).containsEntry("seq", 1).containsEntry("repeat", true)
                .containsEntry("clientId", "m-9");
        assertThat(chat.received(BOB)).extracting(frame -> frame.get("message")).containsExactly("once");
    }

    @Test
    void history_sendsTheLatestPageToTheAsker_oldestFirst() {
        say(ALICE, "one");
        say(BOB, "two");
        say(ALICE, "three");
        component.settled();

        var response = new HistoryHandler(component).handleRequest(Events.webSocket("history"), new RecordingContext());

        assertThat(response.getBody()).isNull();
        assertThat(chat.received(ALICE)).singleElement().satisfies(frame -> {
            assertThat(frame).containsEntry("type", "history").containsEntry("room", "design")
                    .containsEntry("more", true).containsEntry("clientId", "h-1");
            assertThat((List<?>) frame.get("messages"))
                    .extracting(message -> (Object) ((Map<?, ?>) message).get("message"))
                    .containsExactly((Object) "two", "three");
        });
    }

    @Test
    void givenANonMemberOrBadInput_history_answersTheErrorAndSendsNothing() {
        assertThat(json(chat.send(CAROL, "{\"action\":\"history\",\"room\":\"design\"}").getBody()))
                .containsEntry("code", "NOT_A_MEMBER");
        assertThat(json(chat.send(ALICE, "{\"action\":\"history\",\"room\":\"design\",\"limit\":101}").getBody()))
                .containsEntry("code", "INVALID_PAGE");
        assertThat(json(chat.send(ALICE, "{\"action\":\"join\",\"room\":\"other\",\"since\":{\"seq\":1}}").getBody()))
                .containsEntry("code", "INVALID_SINCE");
        assertThat(component.rooms.roomsOf(new ConnectionId(ALICE))).doesNotContain(new RoomName("other"));
        assertThat(component.sent()).isEmpty();
    }

    private void say(String sender, String text) {
        chat.send(sender, "{\"action\":\"sendMessage\",\"room\":\"design\",\"Message\":\"" + text + "\"}");
    }
}
