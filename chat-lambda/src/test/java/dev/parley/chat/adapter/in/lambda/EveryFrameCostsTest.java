package dev.parley.chat.adapter.in.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.fasterxml.jackson.jr.ob.JSON;
import dev.parley.chat.domain.model.ConnectionId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every frame costs its sender a token, whatever the route and whether or not it is answered, and a user's bucket is
 * shared by all of their connections, so a reconnect does not refill it. The default limit is 10 a second, bursts of 20.
 */
class EveryFrameCostsTest {

    private static final String ALICE = "L0SM9cOFvHcCIhw=";
    private static final String BOB = "Bq3xYcOFvHcCEJA=";
    private static final int BURST = 20;

    private final FakeChatComponent component = new FakeChatComponent();
    private final Map<String, FrameHandler> handlers = Map.of(
            "$default", new DefaultRouteHandler(component),
            "sendMessage", new SendMessageHandler(component),
            "join", new JoinRoomHandler(component),
            "leave", new LeaveRoomHandler(component),
            "members", new ListMembersHandler(component),
            "history", new HistoryHandler(component));

    static Stream<Arguments> framesThatAreNotMessages() {
        return Stream.of(
                Arguments.of("a ping", "$default", "{\"action\":\"ping\"}", 200),
                Arguments.of("a frame that is not JSON", "$default", "not json", 400),
                Arguments.of("an unknown action", "$default", "{\"action\":\"shout\"}", 400),
                Arguments.of("a message to an unknown id", "sendMessage",
                        "{\"action\":\"sendMessage\",\"Message\":\"hi\",\"to\":\"dW5rbm93bg==\"}", 400),
                Arguments.of("a message without text", "sendMessage", "{\"action\":\"sendMessage\"}", 400),
                Arguments.of("a join", "join", "{\"action\":\"join\",\"room\":\"design\"}", 200),
                Arguments.of("a leave", "leave", "{\"action\":\"leave\",\"room\":\"design\"}", 200),
                Arguments.of("a members list", "members", "{\"action\":\"members\",\"room\":\"lobby\"}", 200),
                Arguments.of("a history page", "history", "{\"action\":\"history\",\"room\":\"lobby\"}", 200),
                Arguments.of("a history page of a room it is not in", "history",
                        "{\"action\":\"history\",\"room\":\"design\"}", 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("framesThatAreNotMessages")
    void givenABurstOfFramesThatAreNotMessages_theNextFrame_isRateLimited(
            String what, String route, String body, int answered) throws IOException {
        connect(ALICE, "Alice");
        List<APIGatewayV2WebSocketResponse> burst = IntStream.range(0, BURST)
                .mapToObj(n -> frame(route, ALICE, body))
                .toList();

        APIGatewayV2WebSocketResponse message = frame("sendMessage", ALICE,
                "{\"action\":\"sendMessage\",\"Message\":\"one too many\",\"clientId\":\"m1\"}");
        APIGatewayV2WebSocketResponse same = frame(route, ALICE, body);

        assertThat(burst).extracting(APIGatewayV2WebSocketResponse::getStatusCode).containsOnly(answered);
        assertThat(message.getStatusCode()).isEqualTo(429);
        assertThat(json(message.getBody())).containsEntry("code", "RATE_LIMITED").containsEntry("retryAfterMs", 100)
                .containsEntry("clientId", "m1");
        assertThat(same.getStatusCode()).isEqualTo(429);
        assertThat(json(same.getBody())).containsEntry("code", "RATE_LIMITED");
        assertThat(component.store.find(new ConnectionId(ALICE)).orElseThrow()
                .latestMessage()).isEmpty();
    }

    @Test
    void givenBinaryFrames_theNextFrame_isRateLimited() {
        connect(ALICE, "Alice");
        Function<Integer, APIGatewayV2WebSocketEvent> binary = n -> {
            var event = Events.webSocket("default-not-json", ALICE);
            event.setBody(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}));
            event.setIsBase64Encoded(true);
            return event;
        };
        IntStream.range(0, BURST).forEach(n -> handlers.get("$default").handleRequest(binary.apply(n), new RecordingContext()));

        assertThat(frame("$default", ALICE, "{\"action\":\"ping\"}").getStatusCode()).isEqualTo(429);
    }

    @Test
    void givenAUserThatSpentItsBurstOnOneConnection_aFrameOnItsNextConnection_isRateLimited() throws IOException {
        connectAs(ALICE, "user-42");
        IntStream.range(0, BURST).forEach(n -> handlers.get("$default")
                .handleRequest(asUser(event("$default", ALICE, "{\"action\":\"ping\"}"), "user-42"), new RecordingContext()));
        new DisconnectHandler(component).handleRequest(Events.webSocket("disconnect", ALICE), new RecordingContext());
        connectAs(BOB, "user-42");

        var reconnected = handlers.get("$default")
                .handleRequest(asUser(event("$default", BOB, "{\"action\":\"ping\"}"), "user-42"), new RecordingContext());
        var anotherUser = handlers.get("$default")
                .handleRequest(asUser(event("$default", BOB, "{\"action\":\"ping\"}"), "user-7"), new RecordingContext());

        assertThat(reconnected.getStatusCode()).isEqualTo(429);
        assertThat(json(reconnected.getBody())).containsEntry("code", "RATE_LIMITED");
        assertThat(anotherUser.getStatusCode()).isEqualTo(200);
    }

    @Test
    void givenAnonymousConnectionsThatSpentTheirBursts_aFrameOfAnother_isAnswered() {
        connect(ALICE, "Alice");
        connect(BOB, "Bob");
        IntStream.range(0, BURST).forEach(n -> frame("$default", ALICE, "{\"action\":\"ping\"}"));

        assertThat(frame("$default", BOB, "{\"action\":\"ping\"}").getStatusCode()).isEqualTo(200);
        assertThat(frame("$default", ALICE, "{\"action\":\"ping\"}").getStatusCode()).isEqualTo(429);
    }

    private APIGatewayV2WebSocketResponse frame(String route, String connection, String body) {
        return handlers.get(route).handleRequest(event(route, connection, body), new RecordingContext());
    }

    private static APIGatewayV2WebSocketEvent event(String route, String connection, String body) {
        String fixture = switch (route) {
            case "$default" -> "default-unknown-action";
            case "sendMessage" -> "send-message";
            default -> route;
        };
        return Events.webSocketWithBody(fixture, connection, body);
    }

    private static APIGatewayV2WebSocketEvent asUser(APIGatewayV2WebSocketEvent event, String user) {
        event.getRequestContext().setAuthorizer(Map.of("principalId", user, "userId", user, "displayName", "Ada"));
        return event;
    }

    private void connect(String connection, String name) {
        var event = Events.webSocket("connect", connection);
        event.setQueryStringParameters(Map.of("name", name));
        assertThat(new ConnectHandler(component).handleRequest(event, new RecordingContext()).getStatusCode()).isEqualTo(200);
    }

    private void connectAs(String connection, String user) {
        var event = asUser(Events.webSocket("connect", connection), user);
        assertThat(new ConnectHandler(component).handleRequest(event, new RecordingContext()).getStatusCode()).isEqualTo(200);
    }

    private static Map<String, Object> json(String body) throws IOException {
        return JSON.std.mapFrom(body.getBytes(StandardCharsets.UTF_8));
    }
}
