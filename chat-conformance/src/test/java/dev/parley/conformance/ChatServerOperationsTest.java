package dev.parley.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.server.ChatServer;
import dev.parley.chat.server.ServerOptions;
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
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What chat-server does beyond the protocol (ProtocolConformance covers that): health, config, pages, handshake refusals,
 * shutdown and logs; on a free loopback port, with real WebSocket and HTTP clients.
 */
class ChatServerOperationsTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final List<SocketClient> clients = new ArrayList<>();
    private ChatServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = ChatServer.start(ServerOptions.parse("--port", "0"), new PrintStream(logged, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stopServer() {
        clients.forEach(SocketClient::close);
        server.close();
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

}
