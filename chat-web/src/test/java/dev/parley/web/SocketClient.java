package dev.parley.web;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A chat client without a browser (java.net.http's WebSocket) that keeps every frame Parley sends it. */
final class SocketClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final WebSocket socket;
    private final List<Map<String, Object>> frames;

    private SocketClient(WebSocket socket, List<Map<String, Object>> frames) {
        this.socket = socket;
        this.frames = frames;
    }

    /** Connects to Parley's WebSocket API with the given query parameters, such as {@code name} and {@code token}. */
    static SocketClient connect(URI webSocket, Map<String, String> query) {
        StringBuilder address = new StringBuilder(webSocket.toString());
        query.forEach((name, value) -> address.append(address.indexOf("?") < 0 ? '?' : '&').append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        List<Map<String, Object>> frames = new CopyOnWriteArrayList<>();
        WebSocket socket = HTTP.newWebSocketBuilder().connectTimeout(Browser.PATIENCE)
                .buildAsync(URI.create(address.toString()), new Collector(frames)).join();
        return new SocketClient(socket, frames);
    }

    void send(Map<String, Object> frame) {
        try {
            socket.sendText(JSON.std.asString(frame), true).join();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every frame received so far, oldest first. */
    List<Map<String, Object>> frames() {
        return List.copyOf(frames);
    }

    /** Waits for the first frame received that matches, and returns it. */
    Map<String, Object> await(String what, Predicate<Map<String, Object>> matching) throws InterruptedException {
        Instant deadline = Instant.now().plus(Browser.PATIENCE);
        while (true) {
            for (Map<String, Object> frame : frames) {
                if (matching.test(frame)) {
                    return frame;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no frame: " + what + "; received " + frames);
            }
            Thread.sleep(Duration.ofMillis(25).toMillis());
        }
    }

    /** A frame of this type with these fields (compared as text). */
    static Predicate<Map<String, Object>> frame(String type, Map<String, Object> fields) {
        return frame -> type.equals(frame.get("type")) && fields.entrySet().stream()
                .allMatch(field -> field.getValue().equals(frame.get(field.getKey())));
    }

    /** The names of the members a {@code joined} or {@code members} frame lists. */
    static List<String> memberNames(Map<String, Object> frame) {
        return ((List<?>) frame.get("members")).stream().map(member -> (String) ((Map<?, ?>) member).get("name"))
                .toList();
    }

    /** The member a {@code presence} frame is about. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> member(Map<String, Object> presence) {
        return (Map<String, Object>) presence.get("member");
    }

    @Override
    public void close() {
        // A socket Parley closed already has nothing left to close.
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").handle((closed, alreadyClosed) -> closed).join();
    }

    /** Puts frames split over several messages back together; Parley's are JSON objects. */
    private static final class Collector implements WebSocket.Listener {

        private final List<Map<String, Object>> frames;
        private final StringBuilder partial = new StringBuilder();

        Collector(List<Map<String, Object>> frames) {
            this.frames = frames;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    frames.add(JSON.std.mapFrom(partial.toString()));
                } catch (IOException notJson) {
                    frames.add(Map.of("type", "unreadable", "text", partial.toString()));
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
