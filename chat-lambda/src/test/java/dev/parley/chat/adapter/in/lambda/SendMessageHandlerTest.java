package dev.parley.chat.adapter.in.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.parley.chat.domain.model.ChatMessage;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.Member;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.port.out.DeliveryResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SendMessageHandlerTest {

    private static final String ALICE = "L0SM9cOFvHcCIhw=";
    private static final String BOB = "Bq3xYcOFvHcCEJA=";
    private static final String CAROL = "Cz7kYcOFvHcCMmQ=";

    private final FakeChatComponent component = new FakeChatComponent();
    private final SendMessageHandler handler = new SendMessageHandler(component);

    @BeforeEach
    void connectAliceBobAndCarol() {
        connect(ALICE, "Alice");
        connect(BOB, "Bob");
        connect(CAROL, "Carol");
        component.settled();
    }

    @Test
    void givenThreeConnected_sendMessage_storesItAcksAndDeliversToTheOtherTwo() throws IOException {
        var response = handler.handleRequest(Events.webSocket("send-message"), new RecordingContext());

        assertThat(response.getStatusCode()).isEqualTo(200);
        Map<String, Object> ack = json(response.getBody());
        assertThat(ack).containsEntry("type", "ack").containsEntry("recipients", 2).containsEntry("seq", 1);
        assertThat(component.sent()).extracting(sent -> sent.recipient().value())
                .containsExactlyInAnyOrder(BOB, CAROL);
        Map<String, Object> frame = json(component.writer.encode(component.sent().get(0).message()));
        assertThat(frame).containsOnly(
                Map.entry("type", "message"),
                Map.entry("id", ack.get("id")),
                Map.entry("from", ALICE),
                Map.entry("name", "Alice"),
                Map.entry("message", "hi"),
                Map.entry("sentAt", "2026-11-25T10:15:41.987Z"),
                Map.entry("direct", false),
                Map.entry("room", "lobby"),
                Map.entry("seq", 1));
        assertThat(component.store.find(new ConnectionId(ALICE)).orElseThrow().latestMessage()).hasValueSatisfying(posted -> {
            assertThat(posted.text()).isEqualTo(new MessageText("hi"));
            assertThat(posted.at()).isEqualTo(FakeChatComponent.NOW);
        });
    }

    @Test
    void givenDirectMessage_sendMessage_deliversOnlyToItsTarget() throws IOException {
        var response = handler.handleRequest(Events.webSocket("send-message-direct"), new RecordingContext());

        assertThat(json(response.getBody())).containsEntry("type", "ack").containsEntry("recipients", 1);
        assertThat(component.sent()).singleElement().satisfies(sent -> {
            assertThat(sent.recipient().value()).isEqualTo(BOB);
            assertThat(json(component.writer.encode(sent.message()))).containsEntry("direct", true)
                    .containsEntry("message", "just for you");
        });
    }

    @Test
    void givenDirectMessageToDisconnectedClient_sendMessage_answersUnknownRecipientAndStoresNothing() throws IOException {
        new DisconnectHandler(component).handleRequest(Events.webSocket("disconnect", BOB), new RecordingContext());
        component.settled();

        var response = handler.handleRequest(Events.webSocket("send-message-direct"), new RecordingContext());

        assertError(response, "UNKNOWN_RECIPIENT");
    }

    @Test
    void givenRecipientGone_sendMessage_marksOnlyThatOneDisconnected() throws IOException {
        // Long open: a 410 from a connection still within its opening time proves nothing.
        component.clock.advance(Connection.OPENING_TIME.plusSeconds(1));
        component.publisher.answer(new ConnectionId(CAROL), DeliveryResult.gone());

        var response = handler.handleRequest(Events.webSocket("send-message"), new RecordingContext());

        assertThat(json(response.getBody())).containsEntry("recipients", 1);
        assertThat(component.store.findActive(new ConnectionId(CAROL))).isEmpty();
        assertThat(component.store.findActive(new ConnectionId(ALICE))).isPresent();
        assertThat(component.store.findActive(new ConnectionId(BOB))).isPresent();
    }

    @Test
    void givenSenderNeverConnected_sendMessage_answersNotConnected() throws IOException {
        var response = handler.handleRequest(Events.webSocket("send-message", "Dd9mYcOFvHcCNnR="), new RecordingContext());

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response.getBody())).containsEntry("code", "NOT_CONNECTED");
        assertThat(component.sent()).isEmpty();
    }

    @Test
    void givenTableFailsOnWrite_sendMessage_answersAnInternalErrorFrameEchoingTheClientId() throws IOException {
        var context = new RecordingContext();
        String body = "{\"action\":\"sendMessage\",\"Message\":\"hi\",\"clientId\":\"m-44\"}";

        var response = handlerFailingOnWrite().handleRequest(Events.webSocketWithBody("send-message", ALICE, body), context);

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(json(response.getBody())).containsEntry("type", "error").containsEntry("code", "INTERNAL")
                .containsEntry("clientId", "m-44");
        assertThat(context.logged).anySatisfy(line -> assertThat(line).contains("table unavailable"));
    }

    @Test
    void givenTableFailsOnWriteAndNoClientId_sendMessage_answersAnInternalErrorFrameWithoutOne() throws IOException {
        var response = handlerFailingOnWrite().handleRequest(Events.webSocket("send-message"), new RecordingContext());

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(json(response.getBody())).containsEntry("code", "INTERNAL").doesNotContainKey("clientId");
    }

    /** Alice connected, on a table that fails every write. */
    private static SendMessageHandler handlerFailingOnWrite() {
        var failing = new FakeChatComponent(FailingConnectionRegistry::new);
        var alice = new Connection(new ConnectionId(ALICE), new DisplayName("Alice"), FakeChatComponent.NOW);
        failing.store.register(alice);
        failing.rooms.join(RoomName.LOBBY, Member.of(alice), RoomLimit.DEFAULT);
        return new SendMessageHandler(failing);
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("not JSON", "hi there", "INVALID_JSON"),
                Arguments.of("empty body", "", "INVALID_JSON"),
                Arguments.of("JSON array", "[\"sendMessage\",\"hi\"]", "INVALID_JSON"),
                Arguments.of("JSON string", "\"hi\"", "INVALID_JSON"),
                Arguments.of("truncated JSON", "{\"action\":\"sendMessage\",\"Message\":\"hi\"", "INVALID_JSON"),
                Arguments.of("Message missing", "{\"action\":\"sendMessage\"}", "MISSING_MESSAGE"),
                Arguments.of("Message lower-case", "{\"action\":\"sendMessage\",\"message\":\"hi\"}", "MISSING_MESSAGE"),
                Arguments.of("Message null", "{\"action\":\"sendMessage\",\"Message\":null}", "MISSING_MESSAGE"),
                Arguments.of("Message empty", "{\"action\":\"sendMessage\",\"Message\":\"\"}", "MISSING_MESSAGE"),
                Arguments.of("Message white space", "{\"action\":\"sendMessage\",\"Message\":\" \\t\\n \"}", "MISSING_MESSAGE"),
                Arguments.of("Message a number", "{\"action\":\"sendMessage\",\"Message\":42}", "MISSING_MESSAGE"),
                Arguments.of("Message an object", "{\"action\":\"sendMessage\",\"Message\":{\"text\":\"hi\"}}", "MISSING_MESSAGE"),
                Arguments.of("Message over 32 KB", "{\"action\":\"sendMessage\",\"Message\":\"" + "é".repeat(16 * 1024 + 1) + "\"}",
                        "MESSAGE_TOO_LARGE"),
                Arguments.of("to a number", "{\"action\":\"sendMessage\",\"Message\":\"hi\",\"to\":7}", "UNKNOWN_RECIPIENT"),
                Arguments.of("to malformed", "{\"action\":\"sendMessage\",\"Message\":\"hi\",\"to\":\"not an id!\"}", "UNKNOWN_RECIPIENT"),
                Arguments.of("to unknown", "{\"action\":\"sendMessage\",\"Message\":\"hi\",\"to\":\"Zz0zYcOFvHcCAAA=\"}", "UNKNOWN_RECIPIENT"),
                Arguments.of("deeply nested", "{\"action\":\"sendMessage\",\"Message\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
                        "INVALID_JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void givenBadBody_sendMessage_answersTheErrorFrameAndChangesNothing(String description, String body, String code)
            throws IOException {
        var response = handler.handleRequest(Events.webSocketWithBody("send-message", ALICE, body), new RecordingContext());

        assertError(response, code);
    }

    @Test
    void givenClientId_sendMessage_echoesItInTheAck() throws IOException {
        String body = "{\"action\":\"sendMessage\",\"Message\":\"hi\",\"clientId\":\"m-42_a\"}";

        var response = handler.handleRequest(Events.webSocketWithBody("send-message", ALICE, body), new RecordingContext());

        assertThat(json(response.getBody())).containsEntry("type", "ack").containsEntry("clientId", "m-42_a");
    }

    @Test
    void givenClientIdOnABadFrame_sendMessage_echoesItInTheError() throws IOException {
        String body = "{\"action\":\"sendMessage\",\"Message\":\"  \",\"clientId\":\"m-43\"}";

        var response = handler.handleRequest(Events.webSocketWithBody("send-message", ALICE, body), new RecordingContext());

        assertThat(json(response.getBody())).containsEntry("code", "MISSING_MESSAGE").containsEntry("clientId", "m-43");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"\"\"", "42", "\"has space\"", "\"<script>\""})
    void givenMalformedClientId_sendMessage_leavesItOutOfTheAck(String clientId) throws IOException {
        String body = "{\"action\":\"sendMessage\",\"Message\":\"hi\",\"clientId\":" + clientId + "}";

        var response = handler.handleRequest(Events.webSocketWithBody("send-message", ALICE, body), new RecordingContext());

        assertThat(json(response.getBody())).containsEntry("type", "ack").doesNotContainKey("clientId");
    }

    @Test
    void givenExactly32KilobytesOfText_sendMessage_isAccepted() throws IOException {
        String body = "{\"action\":\"sendMessage\",\"Message\":\"" + "é".repeat(16 * 1024) + "\"}";

        var response = handler.handleRequest(Events.webSocketWithBody("send-message", ALICE, body), new RecordingContext());

        assertThat(json(response.getBody())).containsEntry("type", "ack").containsEntry("recipients", 2);
    }

    @Test
    void givenBurstOf21_sendMessage_answersRateLimitedToThe21stAndStoresAndSendsNothingForIt() throws IOException {
        List<APIGatewayV2WebSocketResponse> burst = IntStream.rangeClosed(1, 21)
                .mapToObj(n -> handler.handleRequest(numbered(n), new RecordingContext()))
                .toList();

        assertThat(burst.subList(0, 20)).allSatisfy(response -> {
            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(json(response.getBody())).containsEntry("type", "ack");
        });
        APIGatewayV2WebSocketResponse limited = burst.get(20);
        assertThat(limited.getStatusCode()).isEqualTo(429);
        Map<String, Object> error = json(limited.getBody());
        assertThat(error).containsEntry("type", "error").containsEntry("code", "RATE_LIMITED")
                .containsEntry("retryAfterMs", 100).containsEntry("clientId", "m21");
        assertThat((String) error.get("message")).contains("not handled").contains("100 ms");
        assertThat(component.sent()).hasSize(40)
                .noneSatisfy(sent -> assertThat(((ChatMessage) sent.message()).text().value()).isEqualTo("message 21"));
        assertThat(component.store.find(new ConnectionId(ALICE)).orElseThrow().latestMessage())
                .hasValueSatisfying(posted -> assertThat(posted.text().value()).isEqualTo("message 20"));
    }

    @Test
    void givenRateLimitedSender_sendMessageOnceTheClockHasAdvanced_isAcceptedAgain() throws IOException {
        IntStream.rangeClosed(1, 21).forEach(n -> handler.handleRequest(numbered(n), new RecordingContext()));

        component.clock.advance(Duration.ofMillis(100));
        var again = handler.handleRequest(numbered(22), new RecordingContext());
        var tooSoon = handler.handleRequest(numbered(23), new RecordingContext());

        assertThat(json(again.getBody())).containsEntry("type", "ack").containsEntry("recipients", 2);
        assertThat(component.store.find(new ConnectionId(ALICE)).orElseThrow().latestMessage())
                .hasValueSatisfying(posted -> {
                    assertThat(posted.text().value()).isEqualTo("message 22");
                    assertThat(posted.at()).isEqualTo(FakeChatComponent.NOW.plusMillis(100));
                });
        assertThat(json(tooSoon.getBody())).containsEntry("code", "RATE_LIMITED");
    }

    @Test
    void givenLessThanAMillisecondToWait_sendMessage_roundsRetryAfterUpToOneMillisecond() throws IOException {
        IntStream.rangeClosed(1, 20).forEach(n -> handler.handleRequest(numbered(n), new RecordingContext()));
        component.clock.advance(Duration.ofNanos(99_500_000));

        var limited = handler.handleRequest(numbered(21), new RecordingContext());

        assertThat(json(limited.getBody())).containsEntry("code", "RATE_LIMITED").containsEntry("retryAfterMs", 1);
    }

    /** Alice's {@code n}th message to everyone, with clientId {@code m<n>}. */
    private static APIGatewayV2WebSocketEvent numbered(int n) {
        return Events.webSocketWithBody("send-message", ALICE,
                "{\"action\":\"sendMessage\",\"Message\":\"message " + n + "\",\"clientId\":\"m" + n + "\"}");
    }

    private void assertError(APIGatewayV2WebSocketResponse response, String code) throws IOException {
        assertThat(response.getStatusCode()).isEqualTo(400);
        Map<String, Object> error = json(response.getBody());
        assertThat(error).containsEntry("type", "error").containsEntry("code", code);
        assertThat((String) error.get("message")).isNotBlank();
        assertThat(component.sent()).isEmpty();
        assertThat(component.store.find(new ConnectionId(ALICE)).orElseThrow().latestMessage()).isEmpty();
    }

    private void connect(String connectionId, String name) {
        var event = Events.webSocket("connect", connectionId);
        event.setQueryStringParameters(Map.of("name", name));
        new ConnectHandler(component).handleRequest(event, new RecordingContext());
    }

    static Map<String, Object> json(String text) throws IOException {
        return JSON.std.mapFrom(text);
    }

    static Map<String, Object> json(byte[] frame) throws IOException {
        return json(new String(frame, StandardCharsets.UTF_8));
    }
}
