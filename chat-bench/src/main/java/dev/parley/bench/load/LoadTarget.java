package dev.parley.bench.load;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.parley.chat.server.ChatServer;
import dev.parley.chat.server.ServerOptions;
import dev.parley.local.LocalOptions;
import dev.parley.local.LocalWarmUp;
import dev.parley.local.ParleyLocal;
import dev.parley.local.gateway.CallbackCounts;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The running Parley a load run's clients connect to, in this JVM, whichever transport carries their frames: where
 * its chat socket is, and what its console or log said about the run.
 */
public sealed interface LoadTarget extends AutoCloseable {

    /** The chat socket's address; a client adds its query ({@code ?name=...}). */
    URI webSocket();

    /** Connections open now, as the server counts them. */
    int openConnections();

    /** The dynalite process this Parley keeps its tables in, if it has one. */
    Optional<ProcessHandle> dynalite();

    /** What it did and said so far. */
    Activity activity();

    @Override
    void close();

    /** chat-local: the real Lambda handlers behind the emulated API Gateway, on dynalite. */
    record ChatLocal(ParleyLocal parley, GatewayConsole console) implements LoadTarget {

        static ChatLocal start() {
            return start(LocalOptions.parse("--port", "0"));
        }

        /** With its defaults; first warmed up as {@code java -jar chat-local.jar} does when {@code warmUp}. */
        static ChatLocal start(boolean warmUp, PrintStream out) {
            ChatLocal local = start();
            if (warmUp) {
                LocalWarmUp.Report warmedUp = local.parley().warmUp();
                out.printf("chat-local warmed up: %d messages in %.1f s%n", warmedUp.messages(),
                        warmedUp.took().toMillis() / 1e3);
            }
            return local;
        }

        /** With {@code options}, a free port among them. */
        static ChatLocal start(LocalOptions options) {
            var console = new GatewayConsole();
            return new ChatLocal(ParleyLocal.start(options, gateway -> gateway.console(console)), console);
        }

        @Override
        public URI webSocket() {
            return parley.gateway().urls().webSocket();
        }

        @Override
        public int openConnections() {
            return parley.gateway().openConnections();
        }

        /** The one Node.js child of this JVM: ParleyLocal started it. */
        @Override
        public Optional<ProcessHandle> dynalite() {
            return ProcessHandle.current().children()
                    .filter(child -> child.info().command().map(command -> command.endsWith("node")).orElse(false))
                    .findFirst();
        }

        @Override
        public Activity activity() {
            return new GatewayActivity(parley.gateway().callbackCounts(), console.tally());
        }

        @Override
        public void close() {
            parley.close();
        }
    }

    /** chat-server, started through its public entry with its defaults, its JSON log kept as counts. */
    record ChatServerTarget(ChatServer server, ServerLog log, HttpClient http) implements LoadTarget {

        private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(10);

        static ChatServerTarget start() {
            var log = new ServerLog();
            try {
                ChatServer server = ChatServer.start(ServerOptions.parse("--port", "0"),
                        new PrintStream(log.lines(), true, StandardCharsets.UTF_8));
                return new ChatServerTarget(server, log, HttpClient.newHttpClient());
            } catch (Exception failure) {
                throw new IllegalStateException("chat-server did not start: " + failure + "; " + log.tally(), failure);
            }
        }

        @Override
        public URI webSocket() {
            return URI.create("ws://127.0.0.1:" + server.port() + "/chat");
        }

        /** From {@code GET /health}: {@code {"status":"up","connections":N}}. */
        @Override
        public int openConnections() {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                    .timeout(HEALTH_TIMEOUT).build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                Map<String, Object> health = JSON.std.mapFrom(response.body());
                if (response.statusCode() != 200 || !(health.get("connections") instanceof Number connections)) {
                    throw new IllegalStateException("/health answered " + response.statusCode() + " "
                            + response.body());
                }
                return connections.intValue();
            } catch (IOException failure) {
                throw new IllegalStateException("/health failed: " + failure, failure);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while asking /health", e);
            }
        }

        @Override
        public Optional<ProcessHandle> dynalite() {
            return Optional.empty();
        }

        @Override
        public Activity activity() {
            return new ServerActivity(log.tally());
        }

        @Override
        public void close() {
            server.close();
        }
    }

    /** A snapshot of what a transport did and said, for a report to take the measured phase's share of. */
    sealed interface Activity {

        /** What it shows went wrong so far. */
        List<String> problems();

        /** The report's lines on what it did since {@code before} (of the same transport) for {@code deliveries}. */
        List<String> since(Activity before, long deliveries);
    }

    /** chat-local: the @connections POSTs the handlers made and the gateway's console. */
    record GatewayActivity(CallbackCounts posts, GatewayConsole.Tally console) implements Activity {

        @Override
        public List<String> problems() {
            return console.problems();
        }

        @Override
        public List<String> since(Activity before, long deliveries) {
            CallbackCounts earlier = ((GatewayActivity) before).posts;
            long made = posts.posts() - earlier.posts();
            return List.of(String.format("@connections: %,d POSTs for %,d deliveries (%,d more: attempts retried after"
                    + " a 2 s timeout or a 429), %,d answered 429", made, deliveries, made - deliveries,
                    posts.throttled() - earlier.throttled()), "gateway: " + console);
        }
    }

    /** chat-server: its JSON log. */
    record ServerActivity(ServerLog.Tally log) implements Activity {

        @Override
        public List<String> problems() {
            return log.problems();
        }

        @Override
        public List<String> since(Activity before, long deliveries) {
            return List.of("chat-server log: " + log);
        }
    }
}
