package dev.parley.chat.adapter.in.lambda;

import static dev.parley.chat.adapter.in.lambda.Chat.ALICE;
import static dev.parley.chat.adapter.in.lambda.Chat.BOB;
import static dev.parley.chat.adapter.in.lambda.Chat.CAROL;
import static dev.parley.chat.adapter.in.lambda.Chat.DAVE;
import static dev.parley.chat.adapter.in.lambda.Chat.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.RoomName;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LeaveRoomHandlerTest {

    private final FakeChatComponent component = new FakeChatComponent();
    private final Chat chat = new Chat(component);

    @BeforeEach
    void connectAliceBobAndCarolWithAliceAndBobInDesign() {
        chat.connect(ALICE, "Alice");
        chat.connect(BOB, "Bob");
        chat.connect(CAROL, "Carol");
        chat.join(ALICE, "design");
        chat.join(BOB, "design");
        component.settled();
    }

    @Test
    void givenTheLeaveFixture_leave_answersLeftEchoingTheClientIdAndAnnouncesItToTheRoomsOthers() {
        var response = new LeaveRoomHandler(component).handleRequest(Events.webSocket("leave"), new RecordingContext());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response.getBody())).isEqualTo(Map.of("type", "left", "room", "design", "clientId", "l-1"));
        assertThat(component.rooms.roomsOf(new ConnectionId(ALICE))).containsExactly(RoomName.LOBBY);
        assertThat(chat.received(BOB)).containsExactly(Map.of("type", "presence", "room", "design", "event", "leave",
                "member", Map.of("connectionId", ALICE, "name", "Alice"), "count", 1));
        assertThat(chat.received(CAROL)).isEmpty();
    }

    @Test
    void givenARoomItIsNotIn_leave_answersLeftAndChangesNothing() {
        var response = chat.send(CAROL, "{\"action\":\"leave\",\"room\":\"design\"}");

        assertThat(json(response.getBody())).isEqualTo(Map.of("type", "left", "room", "design"));
        assertThat(component.rooms.roomsOf(new ConnectionId(CAROL))).containsExactly(RoomName.LOBBY);
        assertThat(component.sent()).isEmpty();
    }

    @Test
    void givenOneOfTwoTabsOfAUser_leave_announcesNoLeaveUntilTheLastOneLeaves() {
        chat.connectAs(DAVE, "user-dave", "Dave", Map.of());
        chat.connectAs("Ee1nYcOFvHcCOoS=", "user-dave", "Dave", Map.of());
        chat.join(DAVE, "design");
        chat.join("Ee1nYcOFvHcCOoS=", "design");
        component.settled();

        chat.send(DAVE, "{\"action\":\"leave\",\"room\":\"design\"}");
        assertThat(chat.sentOfType("presence")).isEmpty();

        chat.send("Ee1nYcOFvHcCOoS=", "{\"action\":\"leave\",\"room\":\"design\"}");
        assertThat(chat.received(ALICE)).containsExactly(Map.of("type", "presence", "room", "design", "event", "leave",
                "member", Map.of("userId", "user-dave", "connectionId", "Ee1nYcOFvHcCOoS=", "name", "Dave"),
                "count", 2));
    }

    @Test
    void givenAnEndedConnection_leave_answersNotConnected() {
        chat.disconnect(CAROL);

        assertThat(json(chat.send(CAROL, "{\"action\":\"leave\",\"room\":\"lobby\",\"clientId\":\"l-2\"}").getBody()))
                .containsEntry("code", "NOT_CONNECTED").containsEntry("clientId", "l-2");
    }

    @Test
    void givenNoRoomOrABadOne_leave_answersInvalidRoom() {
        assertThat(json(chat.send(ALICE, "{\"action\":\"leave\"}").getBody())).containsEntry("code", "INVALID_ROOM");
        assertThat(json(chat.send(ALICE, "{\"action\":\"leave\",\"room\":[\"design\"]}").getBody()))
                .containsEntry("code", "INVALID_ROOM");
        assertThat(component.rooms.roomsOf(new ConnectionId(ALICE)))
                .containsExactlyInAnyOrder(RoomName.LOBBY, new RoomName("design"));
    }
}
