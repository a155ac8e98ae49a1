package dev.parley.chat.adapter.in.lambda;

import static dev.parley.chat.adapter.in.lambda.Chat.ALICE;
import static dev.parley.chat.adapter.in.lambda.Chat.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.protocol.ErrorCode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** join, leave and members take any frame at all without throwing, and change nothing when they answer an error. */
class RoomHandlersPropertiesTest {

    @Property(tries = 1000)
    void anyFrame_joinLeaveOrMembers_neverThrowsAndChangesNothingWhenItAnswersAnError(
            @ForAll("framesWithTheirRoute") Map.Entry<WebSocketRoute, String> routedFrame) {
        WebSocketRoute route = routedFrame.getKey();
        String frame = routedFrame.getValue();
        var component = new FakeChatComponent();
        var chat = new Chat(component);
        chat.connect(ALICE, "Alice");
        chat.connect(BOB, "Bob");
        chat.join(ALICE, "design");
        component.settled();
        List<Object> before = state(component);

        var response = route.createHandler(component).handleRequest(
                Events.webSocketWithBody(route.routeKey(), ALICE, frame), new RecordingContext());

        Map<String, Object> answer = Chat.json(response.getBody());
        String accepted = route == WebSocketRoute.MEMBERS ? "members" : route == WebSocketRoute.JOIN ? "joined" : "left";
        FrameProperties.collectAnswerType(response.getStatusCode() == 200 ? "answered" : answer.get("type"), "answered");
        if (response.getStatusCode() == 200) {
            assertThat(answer).containsEntry("type", accepted);
        } else {
            assertThat(response.getStatusCode()).isEqualTo(400);
            assertThat(answer).containsEntry("type", "error");
            assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::name)).contains((String) answer.get("code"));
            assertThat(state(component)).as("nothing written").isEqualTo(before);
            assertThat(component.sent()).as("nothing delivered").isEmpty();
        }
    }

    /** Frames for each route, with any room and cursor, many naming a room Alice is in, and frames of anything. */
    @Provide
    Arbitrary<Map.Entry<WebSocketRoute, String>> framesWithTheirRoute() {
        return Arbitraries.of(WebSocketRoute.JOIN, WebSocketRoute.LEAVE, WebSocketRoute.MEMBERS)
                .flatMap(route -> frames(route.routeKey()).map(frame -> Map.entry(route, frame)));
    }

    private static Arbitrary<String> frames(String action) {
        Arbitrary<String> rooms = Arbitraries.oneOf(FrameProperties.anyJsonString(),
                Arbitraries.of("\"design\"", "\"lobby\"", "\"new-room\"", "1", "null", "[]", "{}"));
        Arbitrary<String> roomFrames = rooms.map(room -> "{\"action\":\"" + action + "\",\"room\":" + room + "}");
        Arbitrary<String> cursorFrames = FrameProperties.anyJsonString().map(cursor ->
                "{\"action\":\"" + action + "\",\"room\":\"design\",\"cursor\":" + cursor + "}");
        return Arbitraries.oneOf(FrameProperties.anyText(), roomFrames, roomFrames, cursorFrames,
                FrameProperties.hostileFrames());
    }

    private static List<Object> state(FakeChatComponent component) {
        return List.of(component.store.find(new ConnectionId(ALICE)), component.rooms.roomsOf(new ConnectionId(ALICE)),
                component.rooms.roomsOf(new ConnectionId(BOB)));
    }
}
