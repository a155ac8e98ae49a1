package dev.parley.bench.soak;

import dev.parley.bench.Options;
import dev.parley.bench.load.ChatRoom;
import dev.parley.bench.load.DeliveryCheck;
import dev.parley.bench.load.LatencySummary;
import dev.parley.bench.load.Machine;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Soak: K real WebSocket clients sending at a steady total rate, round robin, for a fixed time through all of Parley
 * in this JVM (chat-local on dynalite, the real handlers), sampling the JVM's heap after a full collection, its
 * threads and open files, the gateway's connections and dynalite's memory at a fixed interval. Passes when, over the
 * second half, neither heap, threads nor open files grow faster than their limits, every sample saw all K
 * connections open, and no message was lost, duplicated, reordered or refused. Exits 1 when a check fails, 2 for a
 * bad option.
 */
public final class SoakBenchmark {

    static final Set<String> OPTIONS = Set.of("clients", "rate", "duration-s", "sample-s", "drain-s",
            "max-heap-growth-kb-per-min", "max-thread-growth-per-min", "max-fd-growth-per-min");

    /** Parley's default send limit of each (anonymous) connection: a steady soak stays under it. */
    private static final int SEND_LIMIT_PER_CONNECTION = 10;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);

    private SoakBenchmark() {}

    /** The settings of one soak; see {@code bench/soak.sh} for why the defaults are what they are. */
    record Settings(int clients, int rate, Duration duration, Duration sampleInterval, Duration drain,
            double maxHeapGrowthKbPerMinute, double maxThreadGrowthPerMinute, double maxFdGrowthPerMinute) {

        Settings {
            if (rate > clients * SEND_LIMIT_PER_CONNECTION) {
                throw new IllegalArgumentException("--rate " + rate + " would have each of " + clients + " clients send"
                        + " more than Parley's " + SEND_LIMIT_PER_CONNECTION + " messages a second; add clients");
            }
            if (duration.compareTo(sampleInterval.multipliedBy(4)) < 0) {
                throw new IllegalArgumentException("--duration-s must hold at least 4 samples (--sample-s "
                        + sampleInterval.toSeconds() + "): 2 in the second half for a trend");
            }
        }

        static Settings from(Options options) {
            return new Settings(
                    options.integer("clients", 100, 2),
                    options.integer("rate", 10, 1),
                    Duration.ofSeconds(options.integer("duration-s", 600, 1)),
                    Duration.ofSeconds(options.integer("sample-s", 10, 1)),
                    Duration.ofSeconds(options.integer("drain-s", 30, 1)),
                    options.integer("max-heap-growth-kb-per-min", 1024, 0),
                    options.integer("max-thread-growth-per-min", 1, 0),
                    options.integer("max-fd-growth-per-min", 5, 0));
        }
    }

    public static void main(String[] args) {
        Settings settings;
        try {
            settings = Settings.from(Options.parse(args, OPTIONS));
        } catch (IllegalArgumentException wrong) {
            System.err.println("soak benchmark: " + wrong.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(settings, System.out).passed() ? 0 : 1);
    }

    /** Runs the soak, printing each sample as it is taken and the verdict, and returns the report. */
    static SoakReport run(Settings settings, PrintStream out) {
        out.printf("soak: %d clients sending %d messages/s in all, round robin, for %d s; a sample every %d s after a"
                        + " full GC; all of Parley in this JVM (chat-local, dynalite, the real handlers)%n",
                settings.clients(), settings.rate(), settings.duration().toSeconds(),
                settings.sampleInterval().toSeconds());
        String machineBefore = Machine.describe();
        out.println("machine: " + machineBefore);
        try (ChatRoom room = ChatRoom.open(settings.clients(), CONNECT_TIMEOUT)) {
            var sampler = new ResourceSampler(room);
            List<ResourceSample> samples = Collections.synchronizedList(new ArrayList<>());
            ScheduledExecutorService sampling = Executors.newSingleThreadScheduledExecutor(
                    ChatRoom.daemonThreads("soak-sampler-"));
            long start = System.nanoTime();
            out.println(ResourceSample.HEADER);
            List<String> problems = new ArrayList<>();
            try {
                sampling.scheduleAtFixedRate(() -> {
                    ResourceSample sample = sampler.sample(Duration.ofNanos(System.nanoTime() - start));
                    samples.add(sample);
                    out.println(sample);
                }, 0, settings.sampleInterval().toMillis(), TimeUnit.MILLISECONDS);
                room.sendSteadily(settings.rate(), settings.duration());
            } finally {
                sampling.shutdownNow();
                awaitTermination(sampling);
            }
            if (!room.drain(System.nanoTime() + settings.drain().toNanos())) {
                problems.add("not everything arrived within " + settings.drain().toSeconds() + " s of the last send");
            }
            ResourceSample last = sampler.sample(Duration.ofNanos(System.nanoTime() - start));
            out.println(last);
            samples.add(last);
            DeliveryCheck.Verification verification = DeliveryCheck.verify(room.ledgers());
            problems.addAll(verification.problems());
            problems.addAll(room.target().activity().problems());
            samples.stream().filter(sample -> sample.gatewayConnections() != settings.clients()).findFirst()
                    .ifPresent(sample -> problems.add("the gateway had " + sample.gatewayConnections() + " of "
                            + settings.clients() + " connections open at " + sample.elapsed().toSeconds() + " s"));
            List<Growth> growth = List.of(
                    growth("heap after GC", "KB", samples, sample -> sample.heapAfterGcBytes() / 1024.0,
                            settings.maxHeapGrowthKbPerMinute()),
                    growth("threads", "threads", samples, ResourceSample::threads, settings.maxThreadGrowthPerMinute()),
                    growth("open files", "fds", samples, ResourceSample::openFiles, settings.maxFdGrowthPerMinute()));
            growth.stream().filter(trend -> !trend.withinLimit())
                    .forEach(trend -> problems.add(trend.quantity() + " grew " + String.format("%.2f", trend.perMinute())
                            + " " + trend.unit() + "/min"));
            var report = new SoakReport(settings, List.copyOf(samples), growth, verification, sampler.allLatencies(),
                    problems, machineBefore, Machine.describe());
            report.print(out);
            return report;
        }
    }

    private static Growth growth(String quantity, String unit, List<ResourceSample> samples,
            ToDoubleFunction<ResourceSample> value, double limitPerMinute) {
        return Growth.of(quantity, unit, samples.stream()
                .map(sample -> new Growth.Point(sample.minutes(), value.applyAsDouble(sample))).toList(), limitPerMinute);
    }

    private static void awaitTermination(ScheduledExecutorService sampling) {
        try {
            // A sample may be collecting garbage when the soak ends.
            sampling.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What a soak sampled and found. */
    record SoakReport(Settings settings, List<ResourceSample> samples, List<Growth> growth,
            DeliveryCheck.Verification verification, LatencySummary latency, List<String> problems,
            String machineBefore, String machineAfter) {

        SoakReport {
            samples = List.copyOf(samples);
            growth = List.copyOf(growth);
            problems = List.copyOf(problems);
        }

        boolean passed() {
            return problems.isEmpty();
        }

        void print(PrintStream out) {
            out.printf("%,d deliveries of %,d expected; delivery latency over the soak: %s%n", verification.deliveries(),
                    verification.expectedDeliveries(), latency);
            growth.forEach(trend -> out.println(trend));
            out.println("machine after: " + machineAfter);
            out.println(passed() ? "checks: no growth beyond the limits; every connection open at every sample; every"
                    + " message reached every other client exactly once, in order, acknowledged; no error frame,"
                    + " unexpected close or failed invocation" : "CHECKS FAILED:");
            problems.forEach(problem -> out.println("  " + problem));
            out.printf("RESULT soak clients=%d rate=%d duration_s=%d samples=%d heap_kb_per_min=%.1f"
                            + " threads_per_min=%.2f fds_per_min=%.2f deliveries=%d %s passed=%s%n", settings.clients(),
                    settings.rate(), settings.duration().toSeconds(), samples.size(), growth.get(0).perMinute(),
                    growth.get(1).perMinute(), growth.get(2).perMinute(), verification.deliveries(),
                    latency.fields("latency"), passed());
        }
    }
}
