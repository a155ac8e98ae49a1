package dev.parley.bench.broadcast;

import static dev.parley.bench.Stats.seconds;

import dev.parley.bench.DynaliteChatDetailsTable;
import dev.parley.bench.Floor;
import dev.parley.bench.Options;
import dev.parley.bench.Stats;
import dev.parley.bench.fanout.CallbackSettings;
import dev.parley.bench.fanout.FanOut;
import dev.parley.bench.fanout.ThrottledCallbacks;
import dev.parley.chat.adapter.out.memory.InMemoryConnectionRegistry;
import dev.parley.chat.adapter.out.memory.InMemoryRoomRegistry;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.port.in.BroadcastCommand;
import dev.parley.chat.domain.port.in.BroadcastReport;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.domain.service.BroadcastService;
import dev.parley.local.gateway.VirtualConnections;
import dev.parley.chat.adapter.out.memory.InMemoryLimitRegistry;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Goal 1: {@code BroadcastUseCase} with the real {@code ApiGatewayMessagePublisher} against chat-local's
 * {@code @connections} endpoint, throttled like API Gateway's account (token bucket, 429 beyond it) and answering
 * after a fixed latency, to N virtual connections that count the copies they receive. Reports each run against the
 * floor the token bucket sets, and fails (exit 1) when a run lost or duplicated a message.
 */
public final class BroadcastBenchmark {

    static final Set<String> OPTIONS = CallbackSettings.optionsAnd("connections", "registry", "runs", "warmup");

    private BroadcastBenchmark() {}

    /** The settings of one benchmark; see {@code bench/broadcast.sh} for what each option means. */
    record Settings(int connections, String registry, int runs, int warmup, CallbackSettings callbacks) {

        static Settings from(Options options) {
            return new Settings(
                    options.integer("connections", 10_000, 1),
                    options.choice("registry", "memory", Set.of("memory", "dynalite")),
                    options.integer("runs", 3, 1),
                    options.integer("warmup", 1, 0),
                    CallbackSettings.from(options));
        }

        Floor floor() {
            return callbacks.floor(connections);
        }
    }

    public static void main(String[] args) {
        Settings settings;
        try {
            settings = Settings.from(Options.parse(args, OPTIONS));
        } catch (IllegalArgumentException wrong) {
            System.err.println("broadcast benchmark: " + wrong.getMessage());
            System.exit(2);
            return;
        }
        List<BroadcastRun> runs = run(settings, System.out);
        System.exit(runs.stream().allMatch(run -> run.lossless(settings.connections())) ? 0 : 1);
    }

    /** Runs the warm-up and measured broadcasts, printing a line for each, and returns the measured ones. */
    static List<BroadcastRun> run(Settings settings, PrintStream out) {
        List<String> ids = IntStream.range(0, settings.connections()).mapToObj(n -> String.format("bench%07d=", n)).toList();
        VirtualConnections recipients = VirtualConnections.of(ids);
        out.printf("broadcast to %,d virtual connections, registry %s; %s%n", settings.connections(),
                settings.registry(), settings.callbacks().describe());
        try (ThrottledCallbacks callbacks = ThrottledCallbacks.start(settings.callbacks(), recipients);
                Registry registry = Registry.open(settings.registry(), ids, out)) {
            var broadcast = new BroadcastService(registry.registry(), new InMemoryRoomRegistry(registry.registry()),
                    callbacks.publisher(), Clock.systemUTC(), new InMemoryLimitRegistry());
            List<BroadcastRun> measured = new ArrayList<>();
            for (int run = 1; run <= settings.warmup() + settings.runs(); run++) {
                boolean warmup = run <= settings.warmup();
                var text = new MessageText("benchmark broadcast " + run);
                var result = new BroadcastRun(callbacks.measure(() -> broadcast.broadcast(new BroadcastCommand(text))),
                        recipients.tally());
                out.println(describe(settings, result, warmup ? "warm-up" : "run " + (run - settings.warmup())));
                if (!warmup) {
                    measured.add(result);
                }
            }
            summarise(settings, measured, out);
            return measured;
        }
    }

    private static String describe(Settings settings, BroadcastRun run, String label) {
        double floor = seconds(settings.floor().duration());
        FanOut<BroadcastReport> fanOut = run.fanOut();
        return String.format("%-8s %7.3f s = %5.2f x floor %.3f s (publish %.3f s, first recipient after %.3f s,"
                        + " audit trail %.3f s); delivered %,d of %,d, exactly one copy each: %s; POSTs %,d, 429s %,d,"
                        + " all retried: %s; %s",
                label, seconds(fanOut.elapsed()), seconds(fanOut.publish()) / floor, floor, seconds(fanOut.publish()),
                seconds(fanOut.firstRecipient()), seconds(fanOut.elapsed().minus(fanOut.publish())),
                fanOut.result().delivered(), settings.connections(),
                run.tally().exactlyOneEach() ? "yes" : "NO " + run.tally(), fanOut.posts(), fanOut.throttled(),
                run.lossless(settings.connections()) ? "yes" : "NO", fanOut.cpuPerPost());
    }

    private static void summarise(Settings settings, List<BroadcastRun> runs, PrintStream out) {
        double floor = seconds(settings.floor().duration());
        double publish = Stats.median(runs.stream().map(run -> seconds(run.fanOut().publish())).toList());
        double elapsed = Stats.median(runs.stream().map(run -> seconds(run.fanOut().elapsed())).toList());
        out.printf("RESULT broadcast connections=%d registry=%s floor_s=%.3f publish_median_s=%.3f ratio=%.2f"
                        + " use_case_median_s=%.3f lossless=%s%n", settings.connections(), settings.registry(), floor,
                publish, publish / floor, elapsed,
                runs.stream().allMatch(run -> run.lossless(settings.connections())));
    }

    /** The registry the broadcast reads, holding every recipient as an active connection. */
    private record Registry(ConnectionRegistry registry, Optional<DynaliteChatDetailsTable> table) implements AutoCloseable {

        static Registry open(String kind, List<String> ids, PrintStream out) {
            Instant now = Instant.now();
            List<Connection> connections = ids.stream()
                    .map(id -> new Connection(new ConnectionId(id), new DisplayName("bench"), now))
                    .toList();
            if (kind.equals("memory")) {
                var registry = new InMemoryConnectionRegistry();
                connections.forEach(registry::register);
                return new Registry(registry, Optional.empty());
            }
            DynaliteChatDetailsTable table = DynaliteChatDetailsTable.start("chatDetails");
            try {
                long start = System.nanoTime();
                ConnectionRegistry registry = table.registry();
                DynaliteChatDetailsTable.writeAll(connections, registry::register, 8);
                out.printf("registered %,d connections on dynalite in %.1f s%n", connections.size(),
                        (System.nanoTime() - start) / 1e9);
                return new Registry(registry, Optional.of(table));
            } catch (RuntimeException failure) {
                table.close();
                throw failure;
            }
        }

        @Override
        public void close() {
            table.ifPresent(DynaliteChatDetailsTable::close);
        }
    }
}
