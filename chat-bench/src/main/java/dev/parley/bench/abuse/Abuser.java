package dev.parley.bench.abuse;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.parley.bench.load.ChatRoom;
import dev.parley.bench.load.TextFrameListener;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * One user flooding Parley over several connections: frames at a fixed rate in all, the connections taking turns,
 * each frame in turn a ping, a frame that is not JSON and a direct message to an id nobody has (the frames that were
 * answered before any token was taken). It counts the answers by type and error code.
 */
final class Abuser implements AutoCloseable {

    static final List<String> FRAMES = List.of(
            "{\"action\":\"ping\"}",
            "not json at all",
            "{\"action\":\"sendMessage\",\"Message\":\"spam\",\"to\":\"bm9ib2R5LWhhcy10aGlzLWlk\"}");

    private final List<WebSocket> sockets = new ArrayList<>();
    private final List<CompletableFuture<WebSocket>> lastSends = new ArrayList<>();
    private final ConcurrentMap<String, LongAdder> answers = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(
            ChatRoom.daemonThreads("abuser-"));

    private Abuser() {}

    /** Opens {@code connections} connections to {@code uri} (with the user's token), every handshake done on return. */
    static Abuser connect(URI uri, int connections, Duration timeout) {
        var abuser = new Abuser();
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(2,
                ChatRoom.daemonThreads("abuser-client-"))).build();
        try {
            for (int n = 0; n < connections; n++) {
                WebSocket socket = http.newWebSocketBuilder().connectTimeout(timeout)
                        .buildAsync(uri, abuser.new Counter()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                abuser.sockets.add(socket);
                abuser.lastSends.add(CompletableFuture.completedFuture(socket));
            }
        } catch (Exception failure) {
            abuser.close();
            throw new IllegalStateException("the abuser could not open " + connections + " connections: " + failure,
                    failure);
        }
        return abuser;
    }

    /** Sends {@code perSecond} frames a second in all until {@link #stop()}. */
    void start(int perSecond) {
        sender.scheduleAtFixedRate(this::sendOne, 0, 1_000_000_000L / perSecond, TimeUnit.NANOSECONDS);
    }

    void stop() {
        sender.shutdownNow();
    }

    private void sendOne() {
        long n = sent.getAndIncrement();
        int connection = (int) (n % sockets.size());
        String frame = FRAMES.get((int) ((n / sockets.size()) % FRAMES.size()));
        // One send at a time on a socket, as java.net.http requires: each waits for the one before on its connection.
        lastSends.set(connection, lastSends.get(connection).thenCompose(socket -> socket.sendText(frame, true)));
    }

    long sent() {
        return sent.get();
    }

    /** Waits until every frame sent was answered, or {@code deadlineNanos} ({@link System#nanoTime()}) passed. */
    boolean awaitAnswers(long deadlineNanos) {
        return ChatRoom.awaitUntil(() -> answered() >= sent.get(), deadlineNanos);
    }

    private long answered() {
        return answers.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Answers received, by type, and by code for error frames: {@code pong}, {@code error RATE_LIMITED}... */
    Map<String, Long> answers() {
        Map<String, Long> counts = new TreeMap<>();
        answers.forEach((kind, count) -> counts.put(kind, count.sum()));
        return counts;
    }

    @Override
    public void close() {
        stop();
        sockets.forEach(socket -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "abuse over"));
    }

    /** Counts every answer; what the lobby sends everyone in it (messages, presence) is no answer. */
    private final class Counter extends TextFrameListener {

        @Override
        protected void text(String frame) {
            String kind;
            try {
                Map<String, Object> fields = JSON.std.mapFrom(frame);
                kind = fields.containsKey("code") ? fields.get("type") + " " + fields.get("code")
                        : String.valueOf(fields.get("type"));
            } catch (IOException notJson) {
                kind = "not JSON";
            }
            if (!kind.equals("presence") && !kind.equals("message")) {
                answers.computeIfAbsent(kind, key -> new LongAdder()).increment();
            }
        }
    }
}
