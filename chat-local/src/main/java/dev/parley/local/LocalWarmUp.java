package dev.parley.local;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.parley.chat.auth.Principal;
import dev.parley.chat.auth.TokenIssuer;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.MessageRateLimit;
import dev.parley.chat.domain.model.UserId;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs the chat's hot path a few hundred times through the started gateway, before the command line tells anyone
 * where it listens: {@link #CLIENTS} real WebSocket clients join the room {@link #ROOM} and send to it in rounds, with a
 * direct message now and then. A fresh JVM otherwise spends the first minute of a demo loading and compiling the
 * handlers, the SDK clients, the gateway and dynalite's own code on the first users' messages, which then wait
 * seconds (docs/benchmarks.md, section 10). The warm-up uses its own room, so the lobby's history stays empty; its
 * connections end as any closed connection does (their rows marked disconnected).
 */
public final class LocalWarmUp {

    static final String ROOM = "parley.warm-up";
    static final int CLIENTS = 4;
    /** Each client sends one frame a round: rounds come at most this often, under the default send rate (10 a second). */
    static final Duration FASTEST_ROUND = Duration.ofMillis(110);
    static final int ROUNDS = 40;
    /** No round starts this long after the first: with a slow send rate the warm-up is shorter, not longer. */
    static final Duration ROUNDS_BUDGET = Duration.ofSeconds(6);
    /** A frame that has not come by this time fails the warm-up. */
    static final Duration BUDGET = Duration.ofSeconds(30);
    private static final Duration FRAME_WAIT = Duration.ofSeconds(10);
    private static final int DIRECT_EVERY = 4;

    /** What the warm-up did: how many rounds every client finished, and how long it took. */
    public record Report(int rounds, int messages, Duration took) {}

    private final URI webSocket;
    private final Optional<TokenIssuer> tokens;
    private final Duration roundPace;

    /**
     * A warm-up of the gateway at {@code webSocket}, whose clients send under {@code sendRate}; with authorization
     * on, {@code tokens} signs their tokens.
     */
    LocalWarmUp(URI webSocket, Optional<TokenIssuer> tokens, MessageRateLimit sendRate) {
        this.webSocket = webSocket;
        this.tokens = tokens;
        // a tenth slower than the rate allows: a client that is refused RATE_LIMITED fails the warm-up
        Duration atTheRate = Duration.ofNanos((long) (1.1e9 / sendRate.perSecond()));
        this.roundPace = atTheRate.compareTo(FASTEST_ROUND) > 0 ? atTheRate : FASTEST_ROUND;
    }

    /**
     * Runs the rounds.
     *
     * @throws WarmUpFailedException when a client cannot connect, or a frame it waits for does not come
     */
    Report run() {
        long started = System.nanoTime();
        long deadline = started + BUDGET.toNanos();
        HttpClient http = HttpClient.newHttpClient();
        List<Client> clients = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(Client.connect(http, webSocket, "warm-up-" + i, tokens));
            }
            List<String> connectionIds = new ArrayList<>();
            for (Client client : clients) {
                client.send(Map.of("action", "join", "room", ROOM));
                client.await("joined", 1, deadline);
            }
            // The last joiner's list names everybody; each then DMs the next one round the table.
            clients.get(clients.size() - 1).send(Map.of("action", "members", "room", ROOM));
            for (Object member : (List<?>) clients.get(clients.size() - 1).await("members", 1, deadline).get("members")) {
                connectionIds.add((String) ((Map<?, ?>) member).get("connectionId"));
            }
            int messages = 0;
            int rounds = 0;
            int[] received = new int[clients.size()];
            long lastRound = System.nanoTime() + ROUNDS_BUDGET.toNanos();
            while (rounds < ROUNDS && System.nanoTime() < lastRound) {
                long roundStarted = System.nanoTime();
                boolean direct = rounds % DIRECT_EVERY == DIRECT_EVERY - 1;
                for (int i = 0; i < clients.size(); i++) {
                    clients.get(i).send(direct
                            ? Map.of("action", "sendMessage", "to", connectionIds.get((i + 1) % connectionIds.size()),
                                    "Message", "warm-up " + rounds)
                            : Map.of("action", "sendMessage", "room", ROOM, "Message", "warm-up " + rounds));
                }
                for (int i = 0; i < clients.size(); i++) {
                    clients.get(i).await("ack", rounds + 1, deadline);
                    // A room message reaches the three others; a direct one, the one it names.
                    received[i] += direct ? 1 : clients.size() - 1;
                    clients.get(i).await("message", received[i], deadline);
                }
                messages += clients.size();
                rounds++;
                sleepUntil(roundStarted + roundPace.toNanos());
            }
            for (Client client : clients) {
                client.send(Map.of("action", "leave", "room", ROOM));
                client.await("left", 1, deadline);
            }
            return new Report(rounds, messages, Duration.ofNanos(System.nanoTime() - started));
        } finally {
            clients.forEach(Client::close);
        }
    }

    private static void sleepUntil(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new WarmUpFailedException("interrupted");
            }
        }
    }

    /** The warm-up could not run the chat's path: something the first user would meet too. */
    static final class WarmUpFailedException extends RuntimeException {
        WarmUpFailedException(String message) {
            super(message);
        }
    }

    /** One warm-up connection: the frames it was sent, parsed, in order. */
    private static final class Client implements WebSocket.Listener {

        private final LinkedBlockingQueue<Map<String, Object>> frames = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private final Map<String, Integer> counts = new HashMap<>();
        private final Map<String, Map<String, Object>> last = new HashMap<>();
        private final String name;
        private WebSocket socket;

        private Client(String name) {
            this.name = name;
        }

        static Client connect(HttpClient http, URI webSocket, String name, Optional<TokenIssuer> tokens) {
            String query = tokens
                    .map(issuer -> "token=" + issuer.issue(new Principal(new UserId(name), new DisplayName(name)),
                            Duration.ofMinutes(5)))
                    .orElse("name=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
            var client = new Client(name);
            try {
                client.socket = http.newWebSocketBuilder()
                        .connectTimeout(FRAME_WAIT)
                        .buildAsync(URI.create(webSocket + "?" + query), client)
                        .get(FRAME_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new WarmUpFailedException("interrupted while " + name + " connected");
            } catch (Exception refused) {
                throw new WarmUpFailedException(name + " could not connect to " + webSocket + ": " + refused);
            }
            return client;
        }

        void send(Map<String, Object> frame) {
            try {
                socket.sendText(JSON.std.asString(frame), true).get(FRAME_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new WarmUpFailedException("interrupted while " + name + " sent");
            } catch (Exception failed) {
                throw new WarmUpFailedException(name + " could not send " + frame + ": " + failed);
            }
        }

        /**
         * Reads frames until {@code count} of {@code type} have come in all (other types are counted as they pass),
         * and returns the last of them; an error frame fails the warm-up.
         */
        Map<String, Object> await(String type, int count, long deadline) {
            while (counts.getOrDefault(type, 0) < count) {
                Map<String, Object> frame;
                try {
                    frame = frames.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new WarmUpFailedException("interrupted while " + name + " waited for " + type);
                }
                if (frame == null) {
                    throw new WarmUpFailedException(name + " got " + counts.getOrDefault(type, 0) + " of " + count
                            + " " + type + " frames within " + BUDGET);
                }
                if ("error".equals(frame.get("type"))) {
                    throw new WarmUpFailedException(name + " was answered " + frame + " while waiting for " + type);
                }
                counts.merge(String.valueOf(frame.get("type")), 1, Integer::sum);
                last.put(String.valueOf(frame.get("type")), frame);
            }
            return last.get(type);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    frames.add(JSON.std.mapFrom(partial.toString()));
                } catch (IOException notJson) {
                    frames.add(Map.of("type", "error", "message", "not JSON: " + partial));
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            frames.add(Map.of("type", "error", "message", "closed " + statusCode + " " + reason));
            return null;
        }

        void close() {
            if (socket != null) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "warm-up done").orTimeout(1, TimeUnit.SECONDS)
                        .exceptionally(failure -> null).join();
            }
        }
    }
}
