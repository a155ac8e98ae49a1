package dev.parley.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A test's WebSocket client: every frame it receives, parsed, in order, and how its socket closed. Every frame it
 * sends with {@link #send} and every frame it receives is checked against docs/asyncapi.yaml; {@link #sendRaw} sends
 * what a protocol test means to be wrong.
 */
final class SocketClient implements WebSocket.Listener, AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(10);
    /** Where a received frame that is no ServerFrame keeps what is wrong with it, for the test to fail on. */
    private static final String SCHEMA_PROBLEMS = "(schema problems)";

    private final BlockingQueue<Map<String, Object>> frames = new LinkedBlockingQueue<>();
    private final List<Map<String, Object>> passed = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket socket;

    static SocketClient connect(HttpClient http, URI uri) {
        var client = new SocketClient();
        client.socket = http.newWebSocketBuilder().buildAsync(uri, client).orTimeout(10, TimeUnit.SECONDS).join();
        return client;
    }

    /** Sends a frame the protocol allows: it must be a ClientFrame of the AsyncAPI document. */
    void send(String text) {
        assertThat(FrameSchemas.asyncApi().problems("ClientFrame", text)).as("sending %s", text).isEmpty();
        sendRaw(text);
    }

    /** Sends {@code text} as it is, bad input included. */
    void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    /** The first frame from now on that {@code matches}; those before it are kept for {@link #passed()}. */
    Map<String, Object> await(Predicate<Map<String, Object>> matches) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            Map<String, Object> frame;
            try {
                frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            assertThat(frame).as("a matching frame within %s; passed over %s", PATIENCE, passed).isNotNull();
            assertThat(frame.get(SCHEMA_PROBLEMS)).as("received %s", frame).isNull();
            if (matches.test(frame)) {
                return frame;
            }
            passed.add(frame);
        }
    }

    Map<String, Object> awaitType(String type) {
        return await(frame -> type.equals(frame.get("type")));
    }

    /** The frames passed over while waiting. */
    List<Map<String, Object>> passed() {
        return List.copyOf(passed);
    }

    /** The close status the server sent. */
    int awaitClose() {
        return closed.orTimeout(PATIENCE.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                String text = partial.toString();
                Map<String, Object> frame = new java.util.LinkedHashMap<>(JSON.std.mapFrom(text));
                List<String> problems = FrameSchemas.asyncApi().problems("ServerFrame", text);
                if (!problems.isEmpty()) {
                    frame.put(SCHEMA_PROBLEMS, problems);
                }
                frames.add(frame);
            } catch (IOException e) {
                throw new UncheckedIOException("the server sent a frame that is not JSON: " + partial, e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    /** Closes the socket; the frames no test waited for must match the document too. */
    @Override
    public void close() {
        assertThat(frames).as("frames received and not awaited")
                .allSatisfy(frame -> assertThat(frame.get(SCHEMA_PROBLEMS)).as("received %s", frame).isNull());
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null)
                    .join();
        }
    }
}
