package dev.parley.bench.broadcast;

import dev.parley.bench.Floor;
import dev.parley.bench.DynaliteChatDetailsTable;
import dev.parley.bench.Options;
import dev.parley.bench.Stats;
import dev.parley.chat.adapter.out.apigateway.ApiGatewayMessagePublisher;
import dev.parley.chat.adapter.out.apigateway.CallbackRate;
import dev.parley.chat.adapter.out.apigateway.ManagementApiClients;
import dev.parley.chat.adapter.out.apigateway.PublisherSettings;
import dev.parley.chat.domain.fakes.InMemoryConnectionRegistry;
import dev.parley.chat.domain.fakes.InMemoryRoomRegistry;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.port.in.BroadcastCommand;
import dev.parley.chat.domain.port.in.BroadcastReport;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.domain.service.BroadcastService;
import dev.parley.chat.protocol.FrameWriter;
import dev.parley.local.gateway.CallbackCounts;
import dev.parley.local.gateway.CallbackThrottle;
import dev.parley.local.gateway.LocalGateway;
import dev.parley.local.gateway.RouteTable;
import dev.parley.local.gateway.VirtualConnections;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiAsyncClient;

/**
 * Goal 1: {@code BroadcastUseCase} with the real {@link ApiGatewayMessagePublisher} against chat-local's
 * {@code @connections} endpoint, throttled like API Gateway's account (token bucket, 429 beyond it) and answering
 * after a fixed latency, to N virtual connections that count the copies they receive. Reports each run against the
 * floor the token bucket sets, and fails (exit 1) when a run lost or duplicated a message.
 */
public final class BroadcastBenchmark {

    static final Set<String> OPTIONS = Set.of("connections", "registry", "latency-ms", "rate", "burst", "runs",
            "warmup", "concurrency", "client-rate", "client-burst");

    private BroadcastBenchmark() {}

    /** The settings of one benchmark; see {@code bench/broadcast.sh} for what each option means. */
    record Settings(int connections, String registry, Duration latency, int rate, int burst, int runs, int warmup,
            PublisherSettings publisher) {

        static Settings from(Options options) {
            return new Settings(
                    options.integer("connections", 10_000, 1),
                    options.choice("registry", "memory", Set.of("memory", "dynalite")),
                    Duration.ofMillis(options.integer("latency-ms", 20, 0)),
                    options.integer("rate", 10_000, 1),
                    options.integer("burst", 5_000, 1),
                    options.integer("runs", 3, 1),
                    options.integer("warmup", 1, 0),
                    publisherSettings(options));
        }

        /** The publisher's defaults, with the concurrency and the pace it assumes changed for experiments. */
        private static PublisherSettings publisherSettings(Options options) {
            PublisherSettings defaults = PublisherSettings.defaults();
            return new PublisherSettings(
                    options.integer("concurrency", defaults.maxConcurrentSends(), 1),
                    defaults.maxAttempts(),
                    defaults.baseBackoff(),
                    defaults.maxBackoff(),
                    new CallbackRate(options.integer("client-rate", defaults.callbackRate().perSecond(), 1),
                            options.integer("client-burst", defaults.callbackRate().burst(), 1)));
        }

        Floor floor() {
            return new Floor(connections, rate, burst, latency);
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
        PublisherSettings publisherSettings = settings.publisher();
        out.printf("broadcast to %,d virtual connections, registry %s; @connections: %d ms latency, %,d/s, burst %,d;"
                        + " publisher %s%n", settings.connections(), settings.registry(), settings.latency().toMillis(),
                settings.rate(), settings.burst(), publisherSettings);
        try (LocalGateway gateway = LocalGateway.builder()
                        .routes(urls -> RouteTable.builder().build())
                        .virtualConnections(recipients)
                        .callbackLatency(settings.latency())
                        .callbackThrottle(new CallbackThrottle(settings.rate(), settings.burst()))
                        .console(line -> { })
                        .start();
                Registry registry = Registry.open(settings.registry(), ids, out);
                ApiGatewayManagementApiAsyncClient client = ManagementApiClients.create(gateway.urls().callback(),
                        DynaliteChatDetailsTable.REGION, DynaliteChatDetailsTable.CREDENTIALS, publisherSettings.maxConcurrentSends())) {
            var publisher = new TimedPublisher(
                    new ApiGatewayMessagePublisher(client, new FrameWriter(), publisherSettings));
            var broadcast = new BroadcastService(
                    registry.registry(), new InMemoryRoomRegistry(registry.registry()), publisher, Clock.systemUTC());
            List<BroadcastRun> measured = new ArrayList<>();
            for (int run = 1; run <= settings.warmup() + settings.runs(); run++) {
                boolean warmup = run <= settings.warmup();
                BroadcastRun result = broadcastOnce(settings, gateway, recipients, broadcast, publisher, run);
                out.println(describe(settings, result, warmup ? "warm-up" : "run " + (run - settings.warmup())));
                if (!warmup) {
                    measured.add(result);
                }
            }
            summarise(settings, measured, out);
            return measured;
        }
    }

    private static BroadcastRun broadcastOnce(Settings settings, LocalGateway gateway, VirtualConnections recipients,
            BroadcastService broadcast, TimedPublisher publisher, int run) {
        // The account's bucket refills while idle: each run starts, as a broadcast after a quiet spell does, with
        // the whole burst available.
        pause(Duration.ofMillis(1_000L * settings.burst() / settings.rate() + 200));
        recipients.reset();
        CallbackCounts before = gateway.callbackCounts();
        long start = System.nanoTime();
        BroadcastReport report = broadcast.broadcast(new BroadcastCommand(new MessageText("benchmark broadcast " + run)));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        long[] cpuUsed = publisher.lastPublishCpuNanos();
        CallbackCounts after = gateway.callbackCounts();
        return new BroadcastRun(elapsed, Duration.ofNanos(publisher.lastPublishNanos()), report, recipients.tally(),
                after.posts() - before.posts(), after.throttled() - before.throttled(), Duration.ofNanos(cpuUsed[0]),
                Duration.ofNanos(cpuUsed[1]));
    }

    private static String describe(Settings settings, BroadcastRun run, String label) {
        double floor = seconds(settings.floor().duration());
        return String.format("%-8s %7.3f s = %5.2f x floor %.3f s (publish %.3f s, audit trail %.3f s); delivered"
                        + " %,d of %,d, exactly one copy each: %s; POSTs %,d, 429s %,d, all retried: %s;"
                        + " CPU per POST while publishing: publisher %.0f us, gateway %.0f us",
                label, seconds(run.elapsed()), seconds(run.publish()) / floor, floor, seconds(run.publish()),
                seconds(run.elapsed().minus(run.publish())), run.report().delivered(), settings.connections(),
                run.tally().exactlyOneEach() ? "yes" : "NO " + run.tally(), run.posts(), run.throttled(),
                run.lossless(settings.connections()) ? "yes" : "NO",
                run.publisherCpu().toNanos() / 1e3 / run.posts(), run.gatewayCpu().toNanos() / 1e3 / run.posts());
    }

    private static void summarise(Settings settings, List<BroadcastRun> runs, PrintStream out) {
        double floor = seconds(settings.floor().duration());
        double publish = Stats.median(runs.stream().map(run -> seconds(run.publish())).toList());
        double elapsed = Stats.median(runs.stream().map(run -> seconds(run.elapsed())).toList());
        out.printf("RESULT broadcast connections=%d registry=%s floor_s=%.3f publish_median_s=%.3f ratio=%.2f"
                        + " use_case_median_s=%.3f lossless=%s%n", settings.connections(), settings.registry(), floor,
                publish, publish / floor, elapsed,
                runs.stream().allMatch(run -> run.lossless(settings.connections())));
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between runs", e);
        }
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
                DynaliteChatDetailsTable.registerAll(registry, connections, 8);
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
