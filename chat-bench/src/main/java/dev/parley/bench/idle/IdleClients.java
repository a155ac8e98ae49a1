package dev.parley.bench.idle;

import dev.parley.bench.Options;
import dev.parley.bench.load.ChatRoom;
import dev.parley.bench.load.TextFrameListener;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The main of a client JVM of the idle-connections benchmark: opens {@code --connections} WebSockets to
 * {@code --url} and keeps them idle, then answers its parent a line per command on standard input:
 * <ul>
 *   <li>{@code send TEXT}: the first connection sends {@code TEXT} to the lobby; answers {@code ack RECIPIENTS MS}</li>
 *   <li>{@code await TEXT SECONDS}: waits until every connection but a sender got {@code TEXT}; answers
 *       {@code received N MS} (N connections got it, the last MS after the command)</li>
 *   <li>{@code close}: closes every connection and exits</li>
 * </ul>
 * Its first line is {@code connected N SECONDS}, or {@code failed WHY} (then it exits 1).
 */
public final class IdleClients {

    static final Set<String> OPTIONS = Set.of("url", "connections", "handshakes-at-once", "connect-timeout-s");
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(20);

    private final List<IdleSocket> sockets = new ArrayList<>();
    private final PrintStream out;

    private IdleClients(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args, OPTIONS);
        } catch (IllegalArgumentException wrong) {
            System.out.println("failed " + wrong.getMessage());
            System.exit(2);
            return;
        }
        var clients = new IdleClients(System.out);
        try {
            clients.connect(URI.create(options.text("url", "ws://127.0.0.1:8080/chat")),
                    options.integer("connections", 1, 1), options.integer("handshakes-at-once", 32, 1),
                    Duration.ofSeconds(options.integer("connect-timeout-s", 300, 1)));
        } catch (RuntimeException failure) {
            System.out.println("failed " + failure.getMessage().replace('\n', ' '));
            System.exit(1);
            return;
        }
        clients.answer(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        System.exit(0);
    }

    private void connect(URI url, int count, int atOnce, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        HttpClient http = HttpClient.newBuilder()
                .executor(Executors.newFixedThreadPool(2, ChatRoom.daemonThreads("idle-client-"))).build();
        // A few handshakes at a time: the server accepts them as fast as it can, without a backlog to overflow.
        var handshaking = new Semaphore(atOnce);
        List<CompletableFuture<WebSocket>> handshakes = new ArrayList<>();
        var failures = new AtomicInteger();
        try {
            for (int index = 0; index < count; index++) {
                if (!handshaking.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                    throw new IllegalStateException(index + " of " + count + " handshakes started within " + timeout);
                }
                var socket = new IdleSocket();
                sockets.add(socket);
                handshakes.add(http.newWebSocketBuilder().connectTimeout(timeout)
                        .buildAsync(URI.create(url + "?name=idle-" + index), socket)
                        .whenComplete((open, failure) -> {
                            handshaking.release();
                            if (failure != null) {
                                failures.incrementAndGet();
                            }
                        }));
            }
            CompletableFuture.allOf(handshakes.toArray(CompletableFuture<?>[]::new))
                    .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (Exception failure) {
            throw new IllegalStateException(failures.get() + " of " + count + " handshakes failed: " + failure,
                    failure);
        }
        out.printf("connected %d %.1f%n", count, (System.nanoTime() - start) / 1e9);
    }

    private void answer(BufferedReader commands) throws Exception {
        String line;
        while ((line = commands.readLine()) != null) {
            String[] words = line.split(" ");
            switch (words[0]) {
                case "send" -> send(words[1]);
                case "await" -> await(words[1], Duration.ofSeconds(Long.parseLong(words[2])));
                case "close" -> {
                    close();
                    return;
                }
                default -> out.println("failed unknown command '" + line + "'");
            }
        }
    }

    private void send(String text) throws Exception {
        IdleSocket sender = sockets.get(0);
        sender.sending(text);
        long start = System.nanoTime();
        sender.socket().sendText("{\"action\":\"sendMessage\",\"Message\":\"" + text + "\",\"clientId\":\"probe\"}",
                true).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        int recipients = sender.ack().get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        out.printf("ack %d %.1f%n", recipients, (System.nanoTime() - start) / 1e6);
    }

    private void await(String text, Duration patience) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + patience.toNanos();
        long expected = sockets.stream().filter(socket -> !socket.sent(text)).count();
        long received;
        while ((received = received(text)) < expected && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis());
        }
        out.printf("received %d %.1f%n", received, (System.nanoTime() - start) / 1e6);
    }

    private long received(String text) {
        return sockets.stream().filter(socket -> socket.received(text)).count();
    }

    private void close() {
        CompletableFuture.allOf(sockets.stream().map(IdleSocket::close).toArray(CompletableFuture<?>[]::new))
                .orTimeout(30, TimeUnit.SECONDS).exceptionally(notAllClosed -> null).join();
        out.println("closed");
    }

    /** One idle connection: remembers the latest chat message it got, and its acknowledgement if it sent one. */
    private static final class IdleSocket extends TextFrameListener {

        private volatile WebSocket socket;
        private volatile String lastMessage = "";
        private volatile String sentText;
        private final CompletableFuture<Integer> ack = new CompletableFuture<>();

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            webSocket.request(1);
        }

        /** The probe's frames only: its text is a bare token, so a substring test is exact enough. */
        @Override
        protected void text(String frame) {
            if (frame.contains("\"type\":\"message\"")) {
                int at = frame.indexOf("\"message\":\"");
                if (at >= 0) {
                    int from = at + "\"message\":\"".length();
                    lastMessage = frame.substring(from, frame.indexOf('"', from));
                }
            } else if (frame.contains("\"type\":\"ack\"")) {
                int at = frame.indexOf("\"recipients\":");
                int from = at + "\"recipients\":".length();
                int to = from;
                while (to < frame.length() && Character.isDigit(frame.charAt(to))) {
                    to++;
                }
                ack.complete(Integer.parseInt(frame.substring(from, to)));
            }
        }

        WebSocket socket() {
            return socket;
        }

        void sending(String text) {
            sentText = text;
        }

        boolean sent(String text) {
            return text.equals(sentText);
        }

        boolean received(String text) {
            return text.equals(lastMessage);
        }

        CompletableFuture<Integer> ack() {
            return ack;
        }

        CompletableFuture<WebSocket> close() {
            return socket == null ? CompletableFuture.completedFuture(null)
                    : socket.sendClose(WebSocket.NORMAL_CLOSURE, "idle run over");
        }
    }
}
