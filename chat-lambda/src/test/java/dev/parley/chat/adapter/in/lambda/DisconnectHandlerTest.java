package dev.parley.chat.adapter.in.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.parley.chat.domain.model.ConnectionId;
import org.junit.jupiter.api.Test;

class DisconnectHandlerTest {

    private static final ConnectionId ALICE = new ConnectionId("L0SM9cOFvHcCIhw=");

    private final FakeChatComponent component = new FakeChatComponent();
    private final DisconnectHandler handler = new DisconnectHandler(component);

    @Test
    void givenConnected_disconnect_keepsTheRecordWithItsDisconnectTime() {
        new ConnectHandler(component).handleRequest(Events.webSocket("connect"), new RecordingContext());

        var response = handler.handleRequest(Events.webSocket("disconnect"), new RecordingContext());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(component.store.findActive(ALICE)).isEmpty();
        assertThat(component.store.find(ALICE)).hasValueSatisfying(record -> assertThat(record.disconnection())
                .hasValueSatisfying(disconnection -> assertThat(disconnection.at()).isEqualTo(FakeChatComponent.NOW)));
    }

    @Test
    void givenConnected_disconnect_recordsTheReasonInTheWordsTheAuditTrailHasAlwaysKept() {
        new ConnectHandler(component).handleRequest(Events.webSocket("connect"), new RecordingContext());

        handler.handleRequest(Events.webSocket("disconnect"), new RecordingContext());

        assertThat(component.store.find(ALICE).orElseThrow().disconnection()).hasValueSatisfying(disconnection ->
                assertThat(disconnection.reason().description()).isEqualTo("closed: reported by the $disconnect route"));
    }

    @Test
    void givenAMemberOfRooms_disconnect_takesItOutOfEveryRoomAndAnnouncesItsLeaveInEach() {
        var chat = new Chat(component);
        chat.connect(Chat.ALICE, "Alice");
        chat.connect(Chat.BOB, "Bob");
        chat.join(Chat.ALICE, "design");
        chat.join(Chat.BOB, "design");
        component.settled();

        handler.handleRequest(Events.webSocket("disconnect"), new RecordingContext());

        assertThat(component.rooms.roomsOf(ALICE)).isEmpty();
        assertThat(chat.received(Chat.BOB)).extracting(frame -> frame.get("room"), frame -> frame.get("event"))
                .containsExactlyInAnyOrder(tuple("lobby", "leave"), tuple("design", "leave"));
    }

    @Test
    void givenUnknownConnection_disconnect_answersOkAndCreatesNothing() {
        var response = handler.handleRequest(Events.webSocket("disconnect"), new RecordingContext());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(component.store.find(ALICE)).isEmpty();
    }

    @Test
    void givenDisconnectDeliveredTwice_disconnect_keepsTheFirstRecord() {
        new ConnectHandler(component).handleRequest(Events.webSocket("connect"), new RecordingContext());
        handler.handleRequest(Events.webSocket("disconnect"), new RecordingContext());
        var first = component.store.find(ALICE).orElseThrow();

        var response = handler.handleRequest(Events.webSocket("disconnect"), new RecordingContext());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(component.store.find(ALICE)).contains(first);
    }
}
