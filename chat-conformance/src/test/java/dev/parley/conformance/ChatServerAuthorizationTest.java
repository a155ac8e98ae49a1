package dev.parley.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.parley.chat.server.ChatServer;
import dev.parley.chat.server.ServerOptions;
import com.fasterxml.jackson.jr.ob.JSON;
import dev.parley.chat.auth.Principal;
import dev.parley.chat.auth.Role;
import dev.parley.chat.auth.SigningKey;
import dev.parley.chat.auth.TokenIssuer;
import dev.parley.chat.auth.TokenRules;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.RoomAccess;
import dev.parley.chat.domain.model.UserId;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** chat-server with --signing-secret-file: the tokens of the deployed authorizers, checked the same way. */
class ChatServerAuthorizationTest {

    private static final String SECRET = "a-signing-secret-of-at-least-thirty-two-bytes";

    private final HttpClient http = HttpClient.newHttpClient();
    private final TokenIssuer issuer = new TokenIssuer(SigningKey.fromText(SECRET), Clock.systemUTC(),
            TokenRules.DEFAULT);
    private ChatServer server;

    @BeforeEach
    void startServer(@TempDir Path folder) throws Exception {
        Path secret = Files.writeString(folder.resolve("secret"), SECRET + "\n");
        server = ChatServer.start(ServerOptions.parse("--port", "0", "--signing-secret-file", secret.toString()), new PrintStream(OutputStream.nullOutputStream()));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void withoutATokenTheHandshakeIsRefused401() {
        assertThat(handshakeStatus("/chat?name=ann")).isEqualTo(401);
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused401() {
        String forged = new TokenIssuer(SigningKey.fromText("another-secret-of-at-least-thirty-two-bytes!"),
                Clock.systemUTC(), TokenRules.DEFAULT).issue(ann(Role.MEMBER), Duration.ofHours(1));

        assertThat(handshakeStatus("/chat?token=" + forged)).isEqualTo(401);
    }

    @Test
    void aValidTokenConnectsUnderItsOwnNameWhateverNameIsAsked() {
        String token = issuer.issue(ann(Role.MEMBER), Duration.ofHours(1));
        try (SocketClient ann = SocketClient.connect(http,
                URI.create("ws://127.0.0.1:" + server.port() + "/chat?name=mallory&token=" + token))) {
            ann.send("{\"action\":\"members\",\"room\":\"lobby\"}");

            assertThat(ann.awaitType("members").toString()).contains("name=Ann").doesNotContain("mallory");
        }
    }

    @Test
    void broadcastingNeedsAnAdministratorsToken() throws Exception {
        String body = "{\"message\":\"hi\"}";

        assertThat(broadcast(body, Optional.empty()).statusCode()).isEqualTo(401);
        assertThat(broadcast(body, Optional.of(issuer.issue(ann(Role.MEMBER), Duration.ofHours(1)))).statusCode())
                .isEqualTo(403);
        HttpResponse<String> allowed = broadcast(body, Optional.of(issuer.issue(ann(Role.ADMIN), Duration.ofHours(1))));
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(JSON.std.mapFrom(allowed.body())).containsEntry("attempted", 0);
    }

    private static Principal ann(Role role) {
        return new Principal(new UserId("ann"), new DisplayName("Ann"), RoomAccess.EVERY_ROOM, role);
    }

    private int handshakeStatus(String pathAndQuery) {
        var failure = catchThrowable(() -> http.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + pathAndQuery),
                        new WebSocket.Listener() {})
                .join());
        assertThat(failure).isInstanceOf(CompletionException.class).hasCauseInstanceOf(WebSocketHandshakeException.class);
        return ((WebSocketHandshakeException) failure.getCause()).getResponse().statusCode();
    }

    private HttpResponse<String> broadcast(String body, Optional<String> token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/broadcastmessage"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        token.ifPresent(value -> request.header("Authorization", "Bearer " + value));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
