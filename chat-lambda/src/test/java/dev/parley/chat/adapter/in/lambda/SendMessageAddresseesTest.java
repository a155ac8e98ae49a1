package dev.parley.chat.adapter.in.lambda;

import static dev.parley.chat.adapter.in.lambda.Chat.ALICE;
import static dev.parley.chat.adapter.in.lambda.Chat.BOB;
import static dev.parley.chat.adapter.in.lambda.Chat.CAROL;
import static dev.parley.chat.adapter.in.lambda.Chat.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.port.out.DeliveryResult;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** sendMessage to a room, to the lobby by default, and to every connection of a user. */
class SendMessageAddresseesTest {

    private static final String BOBS_PHONE = "Bp4yYcOFvHcCFkB=";

    private final FakeChatComponent component = new FakeChatComponent();
    private final Chat chat = new Chat(component);

    /** Alice (user-alice), Bob (user-bob) on two connections and Carol (anonymous); Alice and Bob's laptop in design. */
    @BeforeEach
    void connect() {
        chat.connectAs(ALICE, "user-alice", "Alice", Map.of());
        chat.connectAs(BOB, "user-bob", "Bob", Map.of());
        chat.connectAs(BOBS_PHONE, "user-bob", "Bob", Map.of());
        chat.connect(CAROL, "Carol");
        chat.join(ALICE, "design");
        chat.join(BOB, "design");
        component.settled();
    }

    @Test
    void givenTheRoomFixture_sendMessage_reachesTheRoomsOtherMembersOnlyWithTheRoomAndTheSendersUserId() {
        var response = new SendMessageHandler(component)
                .handleRequest(Events.webSocket("send-message-room"), new RecordingContext());

        Map<String, Object> ack = json(response.getBody());
        assertThat(ack).containsEntry("type", "ack").containsEntry("recipients", 1).containsEntry("seq", 1);
        assertThat(chat.received(BOB)).singleElement().isEqualTo(Map.of("type", "message", "id", ack.get("id"),
                "from", ALICE, "name", "Alice", "userId", "user-alice", "message", "hi designers",
                "sentAt", "2026-11-25T10:15:41.987Z", "direct", false, "room", "design", "seq", 1));
        assertThat(component.sent()).hasSize(1);
    }

    @Test
    void givenNoAddressee_sendMessage_reachesTheLobbysOtherMembersWithTheLobbyAsRoom() {
        Map<String, Object> ack = json(chat.send(CAROL, "{\"action\":\"sendMessage\",\"Message\":\"hi all\"}").getBody());

        assertThat(ack).containsEntry("recipients", 3);
        assertThat(component.sent()).extracting(sent -> sent.recipient().value())
                .containsExactlyInAnyOrder(ALICE, BOB, BOBS_PHONE);
        assertThat(chat.received(ALICE)).singleElement().satisfies(message -> assertThat(message)
                .containsEntry("room", "lobby").containsEntry("name", "Carol").doesNotContainKey("userId"));
    }

    @Test
    void givenARoomTheSenderHasNotJoined_sendMessage_answersNotAMemberAndSendsAndStoresNothing() {
        var response = chat.send(CAROL, "{\"action\":\"sendMessage\",\"Message\":\"let me in\",\"room\":\"design\","
                + "\"clientId\":\"m-7\"}");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response.getBody())).containsEntry("code", "NOT_A_MEMBER").containsEntry("clientId", "m-7");
        assertThat(component.sent()).isEmpty();
        assertThat(component.store.find(new ConnectionId(CAROL)).orElseThrow().latestMessage()).isEmpty();
    }

    @Test
    void givenTheSenderLeftTheLobby_sendMessage_withoutARoomAnswersNotAMemberAndOthersNoLongerReachIt() {
        chat.send(CAROL, "{\"action\":\"leave\",\"room\":\"lobby\"}");
        component.settled();

        assertThat(json(chat.send(CAROL, "{\"action\":\"sendMessage\",\"Message\":\"hi\"}").getBody()))
                .containsEntry("code", "NOT_A_MEMBER");
        assertThat(json(chat.send(ALICE, "{\"action\":\"sendMessage\",\"Message\":\"hi\"}").getBody()))
                .containsEntry("recipients", 2);
        assertThat(chat.received(CAROL)).isEmpty();
    }

    @Test
    void givenTheUserFixture_sendMessage_reachesEveryConnectionOfTheUserAsADirectMessage() {
        var response = new SendMessageHandler(component)
                .handleRequest(Events.webSocket("send-message-to-user"), new RecordingContext());

        assertThat(json(response.getBody())).containsEntry("type", "ack").containsEntry("recipients", 2);
        assertThat(component.sent()).extracting(sent -> sent.recipient().value())
                .containsExactlyInAnyOrder(BOB, BOBS_PHONE);
        assertThat(chat.received(BOBS_PHONE)).singleElement().satisfies(message -> assertThat(message)
                .containsEntry("direct", true).containsEntry("userId", "user-alice").doesNotContainKey("room"));
    }

    @Test
    void givenAUserWithNoConnection_sendMessage_answersUnknownRecipientAndSendsNothing() {
        var response = chat.send(ALICE, "{\"action\":\"sendMessage\",\"Message\":\"hi\",\"toUser\":\"user-nobody\"}");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response.getBody())).containsEntry("code", "UNKNOWN_RECIPIENT")
                .hasEntrySatisfying("message", message -> assertThat((String) message).contains("user-nobody"));
        assertThat(component.sent()).isEmpty();
    }

    @Test
    void givenARoomMemberFoundGone_sendMessage_takesItOutOfItsRoomsAndAnnouncesItsLeave() {
        chat.join(CAROL, "design");
        component.settled();
        // Long open: a 410 from a connection still within its opening time proves nothing.
        component.clock.advance(Connection.OPENING_TIME.plusSeconds(1));
        component.publisher.answer(new ConnectionId(CAROL), DeliveryResult.gone());

        Map<String, Object> ack = json(chat.send(ALICE, "{\"action\":\"sendMessage\",\"Message\":\"hi\",\"room\":\"design\"}")
                .getBody());

        assertThat(ack).containsEntry("recipients", 1);
        assertThat(component.rooms.roomsOf(new ConnectionId(CAROL))).isEmpty();
        assertThat(chat.received(BOB)).extracting(frame -> frame.get("type")).containsExactly("message", "presence",
                "presence");
        assertThat(chat.sentOfType("presence")).allSatisfy(presence -> assertThat(presence).containsEntry("event", "leave")
                .containsEntry("member", Map.of("connectionId", CAROL, "name", "Carol")));
    }
}
