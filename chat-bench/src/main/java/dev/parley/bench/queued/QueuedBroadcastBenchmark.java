package dev.parley.bench.queued;

import static dev.parley.bench.Stats.seconds;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.parley.bench.DynaliteChatDetailsTable;
import dev.parley.bench.Floor;
import dev.parley.bench.Options;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.settings.aws.BroadcastQueueSettings;
import dev.parley.local.ChatComponents;
import dev.parley.local.LocalOptions;
import dev.parley.local.ParleyLocal;
import dev.parley.local.gateway.VirtualConnections;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Issue 12's measure: a broadcast to N virtual connections through all of chat-local (the REST route, dynalite, the
 * embedded ElasticMQ and the emulated SQS event source feeding the worker), against an {@code @connections} endpoint
 * throttled like the account (token bucket, 429 beyond it) with a fixed latency. In one run, side by side: the inline
 * path (the POST answers with the report) and the queued one (the POST answers 202, the status is polled until done).
 * Reports each against the floor, the time to the 202, whether every recipient got exactly one copy, and the peak
 * heap of this JVM (which holds chat-local, the workers and the endpoint). Exit 1 when a run lost a recipient.
 * {@code --store memory} keeps the connections, rooms and broadcast records in memory (the queue and the throttled
 * endpoint stay real), for a million virtual connections; {@code --paths queued} skips the inline broadcast.
 */
public final class QueuedBroadcastBenchmark {

    static final Set<String> OPTIONS =
            Set.of("connections", "latency-ms", "rate", "burst", "runs", "page-size", "store", "paths");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration POLL = Duration.ofMillis(50);

    private QueuedBroadcastBenchmark() {}

    /** Where the connections, rooms and broadcast records live: dynalite, or memory (the queue stays ElasticMQ). */
    enum Store { DYNALITE, MEMORY }

    /** The settings; see {@code bench/queued-broadcast.sh}. */
    record Settings(int connections, int latencyMs, int rate, int burst, int runs, int pageSize, Store store,
            List<Boolean> queuedPaths) {

        static Settings from(Options options) {
            String paths = options.choice("paths", "both", Set.of("both", "inline", "queued"));
            return new Settings(options.integer("connections", 10_000, 1), options.integer("latency-ms", 20, 0),
                    options.integer("rate", 10_000, 1), options.integer("burst", 5_000, 1),
                    options.integer("runs", 2, 1), options.integer("page-size", 500, 1),
                    Store.valueOf(options.choice("store", "dynalite", Set.of("dynalite", "memory"))
                            .toUpperCase(Locale.ROOT)),
                    switch (paths) {
                        case "inline" -> List.of(false);
                        case "queued" -> List.of(true);
                        default -> List.of(false, true);
                    });
        }

        Floor floor() {
            return new Floor(connections, rate, burst, Duration.ofMillis(latencyMs));
        }
    }

    /** One broadcast: how long until the answer, the last copy and done, and how the copies fell. */
    record Run(String path, double answerSeconds, double firstCopySeconds, double lastCopySeconds, double doneSeconds,
            VirtualConnections.Tally tally, long peakHeapMb) {}

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = Settings.from(Options.parse(args, OPTIONS));
        } catch (IllegalArgumentException wrong) {
            System.err.println("queued broadcast benchmark: " + wrong.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(settings, System.out) ? 0 : 1);
    }

    /** Runs the chosen paths {@code runs} times each; true when every one reached everyone at least once. */
    static boolean run(Settings settings, PrintStream out) throws Exception {
        List<String> ids = IntStream.range(0, settings.connections()).mapToObj(n -> String.format("queued%07d=", n))
                .toList();
        VirtualConnections recipients = VirtualConnections.of(ids);
        out.printf("broadcast to %,d virtual connections (%s store) through chat-local; @connections %d ms, %,d/s,"
                + " burst %,d; pages of %d%n", settings.connections(), settings.store().name().toLowerCase(Locale.ROOT),
                settings.latencyMs(), settings.rate(), settings.burst(), settings.pageSize());
        long seeding = System.nanoTime();
        if (settings.store() == Store.MEMORY) {
            var stores = new InMemoryStores();
            stores.register(ids);
            out.printf("registered %,d connections in %.1f s%n", ids.size(), (System.nanoTime() - seeding) / 1e9);
            try (ParleyLocal parley = start(settings, recipients, List.of(), stores.components())) {
                return measure(parley, settings, recipients, out);
            }
        }
        try (DynaliteChatDetailsTable table = DynaliteChatDetailsTable.start("chatDetails")) {
            var registry = table.registry();
            Instant connectedAt = Instant.now().minus(Duration.ofHours(1));
            DynaliteChatDetailsTable.writeAll(ids, id -> registry.register(
                    new Connection(new ConnectionId(id), new DisplayName("bench"), connectedAt)), 16);
            out.printf("registered %,d connections in %.1f s%n", ids.size(), (System.nanoTime() - seeding) / 1e9);
            try (ParleyLocal parley = start(settings, recipients, List.of("--dynamodb-endpoint",
                    table.endpoint().toString(), "--table", table.tableName()), ChatComponents.AWS)) {
                return measure(parley, settings, recipients, out);
            }
        }
    }

    private static ParleyLocal start(Settings settings, VirtualConnections recipients, List<String> storeOptions,
            ChatComponents components) {
        List<String> options = new ArrayList<>(List.of("--port", "0",
                "--callback-latency-ms", Integer.toString(settings.latencyMs()),
                "--callback-rate", Integer.toString(settings.rate()),
                "--callback-burst", Integer.toString(settings.burst()),
                "--broadcast-inline-limit", Integer.toString(BroadcastQueueSettings.MAX_INLINE_LIMIT),
                "--broadcast-page-size", Integer.toString(settings.pageSize())));
        options.addAll(storeOptions);
        return ParleyLocal.start(LocalOptions.parse(options.toArray(String[]::new)),
                gateway -> gateway.virtualConnections(recipients).console(line -> { }), components);
    }

    private static boolean measure(ParleyLocal parley, Settings settings, VirtualConnections recipients,
            PrintStream out) throws Exception {
        boolean lossless = true;
        URI broadcastUrl = parley.gateway().urls().rest("broadcastmessage");
        double floor = seconds(settings.floor().duration());
        for (int run = 1; run <= settings.runs(); run++) {
            for (boolean queued : settings.queuedPaths()) {
                // Each broadcast starts after the last one's sends, with the emulated account's bucket refilled.
                Thread.sleep(Duration.ofSeconds(1).toMillis());
                recipients.reset();
                resetPeaks();
                Run result = broadcast(broadcastUrl, queued, "run " + run, recipients);
                lossless &= result.tally().none() == 0;
                out.printf("%-6s run %d: answered in %.3f s, first copy at %.3f s, last copy at %.3f s = %.2f x, done in"
                                + " %.3f s = %.2f x floor %.3f s; copies: %,d none, %,d exactly one, %,d several; peak"
                                + " heap %,d MB%n",
                        result.path(), run, result.answerSeconds(), result.firstCopySeconds(), result.lastCopySeconds(),
                        result.lastCopySeconds() / floor, result.doneSeconds(), result.doneSeconds() / floor, floor,
                        result.tally().none(), result.tally().exactlyOne(), result.tally().several(),
                        result.peakHeapMb());
                out.printf("RESULT queued-broadcast path=%s store=%s connections=%d run=%d floor_s=%.3f answer_s=%.3f"
                                + " first_copy_s=%.3f last_copy_s=%.3f done_s=%.3f ratio=%.2f none=%d several=%d peak_heap_mb=%d%n",
                        result.path(), settings.store().name().toLowerCase(Locale.ROOT), settings.connections(), run,
                        floor, result.answerSeconds(), result.firstCopySeconds(), result.lastCopySeconds(),
                        result.doneSeconds(),
                        result.doneSeconds() / floor, result.tally().none(), result.tally().several(),
                        result.peakHeapMb());
            }
        }
        return lossless;
    }

    private static Run broadcast(URI broadcastUrl, boolean queued, String message, VirtualConnections recipients)
            throws Exception {
        var request = HttpRequest.newBuilder(broadcastUrl).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"" + message + "\"}"));
        if (queued) {
            request.header("Prefer", "respond-async");
        }
        long started = System.nanoTime();
        HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        double answered = (System.nanoTime() - started) / 1e9;
        if (answer.statusCode() != (queued ? 202 : 200)) {
            throw new IllegalStateException("the broadcast was answered " + answer.statusCode() + ": " + answer.body());
        }
        if (queued) {
            URI status = broadcastUrl.resolve((String) json(answer.body()).get("statusUrl"));
            while (!"done".equals(json(HTTP.send(HttpRequest.newBuilder(status).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body()).get("state"))) {
                Thread.sleep(POLL.toMillis());
            }
        }
        double done = (System.nanoTime() - started) / 1e9;
        double firstCopy = (recipients.firstCopyNanos() - started) / 1e9;
        double lastCopy = (recipients.lastCopyNanos() - started) / 1e9;
        return new Run(queued ? "queued" : "inline", answered, firstCopy, lastCopy, done, recipients.tally(),
                peakHeapMb());
    }

    private static Map<String, Object> json(String text) throws IOException {
        return JSON.std.mapFrom(text);
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peaks since the last reset. */
    private static long peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum() / (1024 * 1024);
    }
}
