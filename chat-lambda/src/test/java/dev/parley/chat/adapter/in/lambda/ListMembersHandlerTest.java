package dev.parley.chat.adapter.in.lambda;

import static dev.parley.chat.adapter.in.lambda.Chat.ALICE;
import static dev.parley.chat.adapter.in.lambda.Chat.BOB;
import static dev.parley.chat.adapter.in.lambda.Chat.CAROL;
import static dev.parley.chat.adapter.in.lambda.Chat.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ListMembersHandlerTest {

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
    void givenTheMembersFixture_members_answersThePageEchoingTheClientIdAndSendsNothing() {
        var response = new ListMembersHandler(component).handleRequest(Events.webSocket("members"), new RecordingContext());

        assertThat(response.getStatusCode()).isEqualTo(200);
        Map<String, Object> members = json(response.getBody());
        assertThat(members).containsOnlyKeys("type", "room", "members", "count", "more", "clientId")
                .containsEntry("type", "members").containsEntry("room", "design").containsEntry("count", 2)
                .containsEntry("more", false).containsEntry("clientId", "m-1");
        assertThat(members.get("members")).asList().containsExactlyInAnyOrder(
                Map.of("connectionId", ALICE, "name", "Alice"), Map.of("connectionId", BOB, "name", "Bob"));
        assertThat(component.sent()).isEmpty();
    }

    @Test
    void givenARoomItHasNotJoined_members_answersNotAMember() {
        var response = chat.send(CAROL, "{\"action\":\"members\",\"room\":\"design\",\"clientId\":\"m-2\"}");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response.getBody())).containsEntry("code", "NOT_A_MEMBER").containsEntry("clientId", "m-2");
    }

    @ParameterizedTest
    @MethodSource("cursorsNoPageGave")
    void givenACursorNoPageOfTheRoomGave_members_answersInvalidCursor(String cursor) {
        var response = chat.send(ALICE, "{\"action\":\"members\",\"room\":\"design\",\"cursor\":" + cursor + "}");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response.getBody())).containsEntry("code", "INVALID_CURSOR");
    }

    static Stream<String> cursorsNoPageGave() {
        return Stream.of("\"garbage\"", "\"bm90IGEgY3Vyc29y\"", "\"\\u0000\"", "\"" + "c".repeat(512) + "\"");
    }

    @ParameterizedTest
    @MethodSource("cursorsOfTheWrongTypeOrLength")
    void givenACursorOfTheWrongTypeOrLength_members_answersInvalidCursorBeforeAskingTheRoom(String cursor) {
        var response = chat.send(CAROL, "{\"action\":\"members\",\"room\":\"design\",\"cursor\":" + cursor + "}");

        assertThat(json(response.getBody())).containsEntry("code", "INVALID_CURSOR");
    }

    static Stream<String> cursorsOfTheWrongTypeOrLength() {
        return Stream.of("\"\"", "7", "null", "{}", "\"" + "c".repeat(513) + "\"");
    }

    @Test
    void givenTheLobby_members_listsEveryConnectionStillInIt() {
        chat.send(CAROL, "{\"action\":\"leave\",\"room\":\"lobby\"}");

        Map<String, Object> lobby = json(chat.send(ALICE, "{\"action\":\"members\",\"room\":\"lobby\"}").getBody());

        assertThat(lobby).containsEntry("count", 2);
        assertThat(lobby.get("members")).asList().containsExactlyInAnyOrder(
                Map.of("connectionId", ALICE, "name", "Alice"), Map.of("connectionId", BOB, "name", "Bob"));
    }
}
