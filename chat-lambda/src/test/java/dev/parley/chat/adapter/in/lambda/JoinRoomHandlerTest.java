package dev.parley.chat.adapter.in.lambda;

import static dev.parley.chat.adapter.in.lambda.Chat.ALICE;
import static dev.parley.chat.adapter.in.lambda.Chat.BOB;
import static dev.parley.chat.adapter.in.lambda.Chat.CAROL;
import static dev.parley.chat.adapter.in.lambda.Chat.DAVE;
import static dev.parley.chat.adapter.in.lambda.Chat.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.RoomName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JoinRoomHandlerTest {

    private final FakeChatComponent component = new FakeChatComponent();
    private final Chat chat = new Chat(component);

    @BeforeEach
    void connectAliceBobAndCarolWithBobInDesign() {
        chat.aliceBobAndCarol("design", BOB);
    }

    @Test
    void givenTheJoinFixture_join_answersTheJoinedFrameWithEveryMemberAndEchoesTheClientId() {
        var response = new JoinRoomHandler(component).handleRequest(Events.webSocket("join"), new RecordingContext());

        assertThat(response.getStatusCode()).isEqualTo(200);
        Map<String, Object> joined = json(response.getBody());
        assertThat(joined).containsOnlyKeys("type", "room", "members", "count", "more", "epoch", "seq", "clientId")
                .containsEntry("type", "joined").containsEntry("room", "design").containsEntry("count", 2)
                .containsEntry("more", false).containsEntry("clientId", "j-1")
                .containsEntry("epoch", component.history.head(new RoomName("design")).epoch().value())
                .containsEntry("seq", 0);
        assertThat(joined.get("members")).asList().containsExactlyInAnyOrder(
                Map.of("connectionId", ALICE, "name", "Alice"), Map.of("connectionId", BOB, "name", "Bob"));
        assertThat(component.rooms.roomsOf(new ConnectionId(ALICE)))
                .containsExactlyInAnyOrder(RoomName.LOBBY, new RoomName("design"));
    }

    @Test
    void givenAJoinThatBeginsAPresence_join_announcesItToTheRoomsOtherMembersOnly() {
        chat.join(ALICE, "design");

        assertThat(chat.received(BOB)).containsExactly(Map.of("type", "presence", "room", "design", "event", "join",
                "member", Map.of("connectionId", ALICE, "name", "Alice"), "count", 2));
        assertThat(chat.received(ALICE)).isEmpty();
        assertThat(chat.received(CAROL)).isEmpty();
    }

    @Test
    void givenAMemberAlready_join_answersJoinedAgainAndAnnouncesNothing() {
        Map<String, Object> first = chat.join(ALICE, "design");
        component.settled();

        Map<String, Object> again = chat.join(ALICE, "design");

        assertThat(again).isEqualTo(first);
        assertThat(component.sent()).isEmpty();
    }

    @Test
    void givenASecondTabOfTheSameUser_join_announcesNoSecondPresenceAndCountsTheUserOnce() {
        chat.connectAs(DAVE, "user-ann", "Ann", Map.of());
        chat.connectAs("Ee1nYcOFvHcCOoS=", "user-ann", "Ann", Map.of());
        chat.join(DAVE, "design");
        component.settled();

        Map<String, Object> joined = chat.join("Ee1nYcOFvHcCOoS=", "design");

        assertThat(joined).containsEntry("count", 2);
        assertThat(joined.get("members")).asList().hasSize(2)
                .contains(Map.of("userId", "user-ann", "connectionId", "Ee1nYcOFvHcCOoS=", "name", "Ann"));
        assertThat(chat.sentOfType("presence")).isEmpty();
    }

    @Test
    void givenATokenAdmittingSomeRooms_join_refusesTheOthersAsForbiddenRoom() {
        chat.connectAs(DAVE, "user-dave", "Dave", Map.of("rooms", "[\"team-*\"]"));

        var forbidden = chat.send(DAVE, "{\"action\":\"join\",\"room\":\"design\",\"clientId\":\"j-2\"}");

        assertThat(forbidden.getStatusCode()).isEqualTo(400);
        assertThat(json(forbidden.getBody())).containsEntry("type", "error").containsEntry("code", "FORBIDDEN_ROOM")
                .containsEntry("clientId", "j-2");
        assertThat(chat.join(DAVE, "team-a")).containsEntry("type", "joined");
        assertThat(component.rooms.roomsOf(new ConnectionId(DAVE)))
                .containsExactlyInAnyOrder(RoomName.LOBBY, new RoomName("team-a"));
    }

    @Test
    void givenAConnectionInTwentyRooms_join_refusesTheTwentyFirstAsTooManyRooms() {
        for (int room = 1; room < 20; room++) {
            assertThat(chat.join(ALICE, "room-" + room)).containsEntry("type", "joined");
        }

        var refused = chat.send(ALICE, "{\"action\":\"join\",\"room\":\"room-20\"}");

        assertThat(refused.getStatusCode()).isEqualTo(400);
        assertThat(json(refused.getBody())).containsEntry("code", "TOO_MANY_ROOMS")
                .hasEntrySatisfying("message", message -> assertThat((String) message).contains("20 rooms"));
        assertThat(component.rooms.roomsOf(new ConnectionId(ALICE))).hasSize(20)
                .doesNotContain(new RoomName("room-20"));
        component.clock.advance(Duration.ofSeconds(1)); // twenty frames spent Alice's burst
        assertThat(chat.join(ALICE, "room-1")).as("a room it is in still answers").containsEntry("type", "joined");
    }

    @Test
    void givenAConnectionNeverConnectedOrEnded_join_answersNotConnected() {
        chat.disconnect(CAROL);

        for (String connection : List.of(DAVE, CAROL)) {
            var response = chat.send(connection, "{\"action\":\"join\",\"room\":\"design\"}");
            assertThat(json(response.getBody())).containsEntry("code", "NOT_CONNECTED");
        }
        assertThat(chat.sentOfType("presence")).as("only Carol's leaving the lobby").hasSize(2)
                .allSatisfy(presence -> assertThat(presence).containsEntry("event", "leave").containsEntry("room", "lobby"));
    }

    @Test
    void givenABadRoom_join_answersInvalidRoomEchoingTheClientIdAndChangesNothing() {
        for (String room : List.of("\"\"", "1", "null", "\"has space\"", "\"" + "r".repeat(65) + "\"")) {
            var response = chat.send(ALICE, "{\"action\":\"join\",\"room\":" + room + ",\"clientId\":\"j-3\"}");

            assertThat(response.getStatusCode()).as(room).isEqualTo(400);
            assertThat(json(response.getBody())).as(room).containsEntry("code", "INVALID_ROOM")
                    .containsEntry("clientId", "j-3");
        }
        assertThat(component.rooms.roomsOf(new ConnectionId(ALICE))).containsExactly(RoomName.LOBBY);
        assertThat(component.sent()).isEmpty();
    }

    @Test
    void givenARoomOfMoreThanAHundred_join_answersTheFirstHundredWithTheCountMoreAndACursor() {
        for (int n = 0; n < 100; n++) {
            String id = String.format("many%04d=", n);
            chat.connect(id, "guest" + n);
            chat.join(id, "crowd");
        }

        Map<String, Object> joined = chat.join(ALICE, "crowd");

        assertThat(joined).containsEntry("count", 101).containsEntry("more", true).containsKey("cursor");
        assertThat(joined.get("members")).asList().hasSize(100);
        Map<String, Object> rest = json(chat.send(ALICE, "{\"action\":\"members\",\"room\":\"crowd\",\"cursor\":\""
                + joined.get("cursor") + "\"}").getBody());
        assertThat(rest).containsEntry("type", "members").containsEntry("count", 101).containsEntry("more", false)
                .doesNotContainKey("cursor");
        assertThat(rest.get("members")).asList().hasSize(1);
    }
}
