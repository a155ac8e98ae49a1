package dev.parley.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real WebSocket client (java.net.http) that queues what it receives, for tests to take in order. Public for the
 * end-to-end tests of the Parley wiring, which connect to the gateway as these tests do.
 */
public final class TestClient implements WebSocket.Listener {

    public static final Duration WAIT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final Predicate<String> ignored;
    private final CompletableFuture<Closure> closed = new CompletableFuture<>();
    private final StringBuilder partialText = new StringBuilder();
    private WebSocket socket;

    /** How the server closed the connection. */
    public record Closure(int statusCode, String reason) {}

    private TestClient(Predicate<String> ignored) {
        this.ignored = ignored;
    }

    public static TestClient connect(URI uri) {
        return connect(uri, text -> false);
    }

    /** A client that drops the text messages {@code ignored} matches: those a test has no interest in. */
    public static TestClient connect(URI uri, Predicate<String> ignored) {
        TestClient client = new TestClient(ignored);
        client.socket = HTTP.newWebSocketBuilder().connectTimeout(WAIT).buildAsync(uri, client).orTimeout(10, TimeUnit.SECONDS).join();
        return client;
    }

    /** The handshake's failure, when the server refuses it. */
    public static CompletableFuture<WebSocket> attempt(URI uri) {
        return HTTP.newWebSocketBuilder().connectTimeout(WAIT).buildAsync(uri, new TestClient(text -> false));
    }

    public void send(String text) {
        socket.sendText(text, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    public void sendPart(String text, boolean last) {
        socket.sendText(text, last).orTimeout(10, TimeUnit.SECONDS).join();
    }

    public void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** The next message, failing the test when none comes in time. */
    public String next() {
        try {
            String message = messages.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(message).as("a message within " + WAIT).isNotNull();
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Asserts nothing more arrives for {@code quiet}. */
    public void expectNothingFor(Duration quiet) throws InterruptedException {
        assertThat(messages.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)).isNull();
    }

    public Closure awaitClose() {
        return closed.orTimeout(WAIT.toSeconds() * 2, TimeUnit.SECONDS).join();
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    public void close() {
        close("bye");
    }

    /** Closes with 1000 and this reason. */
    public void close(String reason) {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, reason).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** Drops the TCP connection without a close frame, as a client that vanished. */
    public void abort() {
        socket.abort();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partialText.append(data);
        if (last) {
            String message = partialText.toString();
            if (!ignored.test(message)) {
                messages.add(message);
            }
            partialText.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        messages.add("binary:" + java.util.Base64.getEncoder().encodeToString(bytes));
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Closure(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }
}
