package dev.parley.chat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** chat-server on a free loopback port, with real WebSocket and HTTP clients. */
class ChatServerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final List<SocketClient> clients = new ArrayList<>();
    private ChatServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = ChatServer.start(new ServerOptions("127.0.0.1", 0, Optional.empty(), "parley",
                ServerOptions.DEFAULT_OUTBOX_FRAMES), new PrintStream(logged, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stopServer() {
        clients.forEach(SocketClient::close);
        server.close();
    }

    @Test
    void twoClientsChat_theSenderIsAcknowledgedAndTheOtherReceivesTheMessage() {
        SocketClient alice = connect("alice");
        SocketClient bob = connect("bob");
        alice.await(frame -> "presence".equals(frame.get("type")) && "bob".equals(member(frame).get("name")));

        alice.send("{\"action\":\"sendMessage\",\"Message\":\"hello bob\",\"clientId\":\"c-1\"}");

        Map<String, Object> ack = alice.awaitType("ack");
        assertThat(ack).containsEntry("clientId", "c-1").containsEntry("recipients", 1);
        Map<String, Object> message = bob.awaitType("message");
        assertThat(message).containsEntry("message", "hello bob").containsEntry("name", "alice")
                .containsEntry("id", ack.get("id"));
    }

    @Test
    void aDirectMessageReachesOnlyItsRecipient() {
        SocketClient alice = connect("alice");
        SocketClient bob = connect("bob");
        SocketClient carol = connect("carol");
        Map<String, Object> bobJoined = alice.await(
                frame -> "presence".equals(frame.get("type")) && "bob".equals(member(frame).get("name")));
        String bobsId = (String) member(bobJoined).get("connectionId");

        alice.send("{\"action\":\"sendMessage\",\"Message\":\"psst\",\"to\":\"" + bobsId + "\"}");

        assertThat(bob.awaitType("message")).containsEntry("message", "psst").containsEntry("direct", true);
        alice.awaitType("ack");
        carol.send("{\"action\":\"ping\"}");
        carol.awaitType("pong");
        assertThat(carol.passed()).noneMatch(frame -> "message".equals(frame.get("type")));
    }

    @Test
    void badFramesAreAnsweredWithTheErrorCodesOfTheDeployedApi() {
        SocketClient alice = connect("alice");

        alice.send("not json");
        assertThat(alice.awaitType("error")).containsEntry("code", "INVALID_JSON");
        alice.send("{\"action\":\"shout\",\"clientId\":\"c-2\"}");
        assertThat(alice.awaitType("error")).containsEntry("code", "UNKNOWN_ACTION").containsEntry("clientId", "c-2");
        alice.send("{\"action\":\"sendMessage\",\"clientId\":\"c-3\"}");
        assertThat(alice.awaitType("error")).containsEntry("code", "MISSING_MESSAGE").containsEntry("clientId", "c-3");
        alice.send("{\"action\":\"members\",\"room\":\"design\"}");
        assertThat(alice.awaitType("error")).containsEntry("code", "NOT_A_MEMBER");
    }

    @Test
    void aSenderOverItsRateIsRefusedWithRateLimited() {
        SocketClient alice = connect("alice");

        for (int n = 0; n < 40; n++) {
            alice.send("{\"action\":\"ping\"}");
        }

        assertThat(alice.awaitType("error")).containsEntry("code", "RATE_LIMITED");
    }

    @Test
    void theRestBroadcastReachesEveryClientAndReportsIt() throws Exception {
        SocketClient alice = connect("alice");
        SocketClient bob = connect("bob");
        alice.await(frame -> "presence".equals(frame.get("type")) && "bob".equals(member(frame).get("name")));

        HttpResponse<String> answer = post("/broadcastmessage", "{\"message\":\"maintenance at noon\"}");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.std.mapFrom(answer.body())).containsEntry("attempted", 2).containsEntry("delivered", 2);
        assertThat(alice.awaitType("broadcast")).containsEntry("message", "maintenance at noon");
        assertThat(bob.awaitType("broadcast")).containsEntry("message", "maintenance at noon");
    }

    @Test
    void aBadBroadcastIsA400NamingTheProblem() throws Exception {
        HttpResponse<String> answer = post("/broadcastmessage", "{\"text\":\"hi\"}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(JSON.std.mapFrom(answer.body())).containsEntry("type", "error").containsKey("code");
    }

    @Test
    void healthCountsTheOpenSockets_andConfigPointsThePagesHere() throws Exception {
        connect("alice");
        connect("bob");

        HttpResponse<String> health = get("/health");
        HttpResponse<String> config = get("/config.json");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.std.mapFrom(health.body())).containsEntry("status", "up").containsEntry("connections", 2);
        assertThat(JSON.std.mapFrom(config.body()))
                .containsEntry("websocketUrl", "ws://127.0.0.1:" + server.port() + "/chat")
                .containsEntry("broadcastUrl", "http://127.0.0.1:" + server.port() + "/broadcastmessage");
    }

    @Test
    void servesTheChatAndBroadcastPages() throws Exception {
        assertThat(get("/").body()).contains("<html");
        assertThat(get("/broadcast.html").statusCode()).isEqualTo(200);
        assertThat(get("/chat.js").statusCode()).isEqualTo(200);
    }

    @Test
    void anInvalidNameRefusesTheHandshake() {
        assertThatThrownBy(() -> connect("\u202Eevil"))
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(WebSocketHandshakeException.class)
                .satisfies(failure -> assertThat(((WebSocketHandshakeException) failure.getCause()).getResponse()
                        .statusCode()).isEqualTo(400));
    }

    @Test
    void shutdownClosesEverySocketWith1001AfterWhatItWasSent() {
        SocketClient alice = connect("alice");
        SocketClient bob = connect("bob");
        alice.await(frame -> "presence".equals(frame.get("type")) && "bob".equals(member(frame).get("name")));
        alice.send("{\"action\":\"sendMessage\",\"Message\":\"last words\"}");
        alice.awaitType("ack");

        server.close();

        assertThat(bob.awaitType("message")).containsEntry("message", "last words");
        assertThat(alice.awaitClose()).isEqualTo(1001);
        assertThat(bob.awaitClose()).isEqualTo(1001);
    }

    @Test
    void logsAreOneJsonObjectALine() throws IOException {
        connect("alice");
        server.close();

        String[] lines = logged.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSizeGreaterThanOrEqualTo(3);
        for (String line : lines) {
            assertThat(JSON.std.mapFrom(line)).containsKeys("time", "level", "event");
        }
        assertThat(logged.toString(StandardCharsets.UTF_8)).contains("\"event\":\"connected\"");
    }

    private SocketClient connect(String name) {
        SocketClient client = SocketClient.connect(http,
                URI.create("ws://127.0.0.1:" + server.port() + "/chat?name=" + java.net.URLEncoder.encode(name,
                        StandardCharsets.UTF_8)));
        clients.add(client);
        return client;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> member(Map<String, Object> presence) {
        return (Map<String, Object>) presence.get("member");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
