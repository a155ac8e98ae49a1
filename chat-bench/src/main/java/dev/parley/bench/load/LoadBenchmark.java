package dev.parley.bench.load;

import dev.parley.bench.Options;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Load: N real WebSocket clients, all connected before any sends, each sending M messages at uniformly random
 * intervals through all of Parley in this JVM: chat-local (on dynalite, the real handlers), chat-server, or each of
 * them in turn ({@code --transport both}, then a table of the two side by side). Every client enters what it
 * receives in its {@link Ledger}; after a bounded drain the run must show every message delivered to every other
 * client exactly once, in its sender's order, acknowledged to its sender, with no error frame, unexpected close or
 * failed invocation (chat-server: no error line in its log). Reports delivery and acknowledgement latency percentiles
 * and throughput; exits 1 when a check of any run fails, 2 for a bad option.
 */
public final class LoadBenchmark {

    static final Set<String> OPTIONS = Set.of("clients", "messages", "min-interval-ms", "max-interval-ms", "seed",
            "warmup-s", "warmup-rate", "deadline-s", "drain-s", "allowed-duplicates-per-mille", "transport",
            "local-warm-up");

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);
    /** After the last delivery expected, how long to keep listening for a late duplicate or stray frame. */
    private static final Duration SETTLE = Duration.ofSeconds(1);

    private LoadBenchmark() {}

    /** The settings of one run; see {@code bench/load.sh} for why the defaults are what they are. */
    record Settings(int clients, int messages, Duration minInterval, Duration maxInterval, long seed, Duration warmup,
            int warmupRate, Duration deadline, Duration drain, int allowedDuplicatesPerMille,
            List<Transport> transports, boolean localWarmUp) {

        Settings {
            transports = List.copyOf(transports);
            if (maxInterval.compareTo(minInterval) < 0) {
                throw new IllegalArgumentException("--max-interval-ms must be at least --min-interval-ms");
            }
        }

        static Settings from(Options options) {
            return new Settings(
                    options.integer("clients", 200, 2),
                    options.integer("messages", 50, 1),
                    Duration.ofMillis(options.integer("min-interval-ms", 4_000, 0)),
                    Duration.ofMillis(options.integer("max-interval-ms", 12_000, 0)),
                    options.integer("seed", 1, 0),
                    Duration.ofSeconds(options.integer("warmup-s", 30, 0)),
                    options.integer("warmup-rate", 4, 1),
                    Duration.ofSeconds(options.integer("deadline-s", 900, 1)),
                    Duration.ofSeconds(options.integer("drain-s", 30, 1)),
                    options.integer("allowed-duplicates-per-mille", 0, 0),
                    Transport.selected(options.text("transport", Transport.CHAT_LOCAL.flag())),
                    localWarmUp(options.text("local-warm-up", "true")));
        }

        /** Whether chat-local warms itself up before the clients connect, as its command line does by default. */
        private static boolean localWarmUp(String value) {
            return switch (value) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException("--local-warm-up must be true or false, not '" + value + "'");
            };
        }

        long messagesInAll() {
            return (long) clients * messages;
        }
    }

    public static void main(String[] args) {
        Settings settings;
        try {
            settings = Settings.from(Options.parse(args, OPTIONS));
        } catch (IllegalArgumentException wrong) {
            System.err.println("load benchmark: " + wrong.getMessage());
            System.exit(2);
            return;
        }
        System.exit(runEach(settings, System.out).stream().allMatch(LoadReport::passed) ? 0 : 1);
    }

    /** Runs the load through each transport of {@code settings} in turn, printing their reports, then the table. */
    static List<LoadReport> runEach(Settings settings, PrintStream out) {
        List<LoadReport> reports = new ArrayList<>();
        for (Transport transport : settings.transports()) {
            reports.add(run(settings, transport, out));
        }
        if (reports.size() > 1) {
            LoadComparison.print(reports, out);
        }
        return reports;
    }

    /** Runs the load through {@code transport}, printing the report, and returns it. */
    static LoadReport run(Settings settings, Transport transport, PrintStream out) {
        out.printf("load: %d clients x %d messages, each after a uniformly random %d-%d ms, seed %d, after a warm-up of"
                        + " %d s at %d messages/s; transport %s: all of Parley in this JVM (%s); deadline %d s%n",
                settings.clients(), settings.messages(), settings.minInterval().toMillis(),
                settings.maxInterval().toMillis(), settings.seed(), settings.warmup().toSeconds(),
                settings.warmupRate(), transport.flag(), transport.parts(), settings.deadline().toSeconds());
        String machineBefore = Machine.describe();
        out.println("machine: " + machineBefore);
        long deadline = System.nanoTime() + settings.deadline().toNanos();
        long connectStart = System.nanoTime();
        try (ChatRoom room = ChatRoom.open(transport.start(settings.localWarmUp(), out), settings.clients(),
                CONNECT_TIMEOUT)) {
            out.printf("connected %d clients in %.1f s%n", settings.clients(), (System.nanoTime() - connectStart) / 1e9);
            List<String> problems = new ArrayList<>();
            if (!settings.warmup().isZero()) {
                warmUp(settings, room, deadline, problems, out);
            }
            Traffic traffic = room.traffic();
            long sentBefore = room.sent();
            long receivedBefore = room.received();
            CpuTime cpuBefore = CpuTime.now(room.dynalite());
            LoadTarget.Activity activityBefore = room.target().activity();
            long firstSend = traffic.elapsedNanos();
            long lastSend;
            CpuTime cpu;
            ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(
                    ChatRoom.daemonThreads("load-sender-"));
            try {
                var random = new SplittableRandom(settings.seed());
                room.clients().forEach(client -> sendLater(sender, client, random.split(), settings, settings.messages()));
                boolean allSent = ChatRoom.awaitUntil(() -> room.sent() - sentBefore == settings.messagesInAll(), deadline);
                lastSend = traffic.elapsedNanos();
                if (!allSent) {
                    problems.add("the deadline came after " + (room.sent() - sentBefore) + " of "
                            + settings.messagesInAll() + " messages were sent");
                }
                boolean drained = room.drain(Math.min(deadline, System.nanoTime() + settings.drain().toNanos()));
                if (allSent && !drained) {
                    problems.add("not everything arrived within " + settings.drain().toSeconds() + " s of the last send");
                }
                cpu = CpuTime.now(room.dynalite()).since(cpuBefore);
                pause(SETTLE);
            } finally {
                sender.shutdownNow();
            }
            DeliveryCheck.Verification verification = DeliveryCheck.verify(room.ledgers(),
                    settings.allowedDuplicatesPerMille() / 1000.0);
            problems.addAll(verification.problems());
            LoadTarget.Activity activity = room.target().activity();
            problems.addAll(activity.problems());
            int open = room.target().openConnections();
            if (open != settings.clients()) {
                problems.add(transport.flag() + " counts " + open + " open connections, not " + settings.clients());
            }
            long deliveries = room.received() - receivedBefore;
            var report = new LoadReport(settings, transport, verification, deliveries, problems,
                    LatencySummary.of(traffic.deliveryLatencySinceLastCall()),
                    LatencySummary.of(traffic.ackLatencySinceLastCall()), Duration.ofNanos(lastSend - firstSend),
                    Duration.ofNanos(traffic.lastDeliveryNanos() - firstSend), cpu,
                    activity.since(activityBefore, deliveries), room.dynalite().isPresent(), machineBefore,
                    Machine.describe());
            report.print(out);
            return report;
        }
    }

    /**
     * Brings the JIT to speed at a gentle steady rate, then waits for those messages to arrive; the measured figures
     * leave them out (the checks do not). From cold, the first seconds run interpreted code at a fraction of the
     * speed: at the measured rate the @connections calls would time out and be retried.
     */
    private static void warmUp(Settings settings, ChatRoom room, long deadline, List<String> problems,
            PrintStream out) {
        room.sendSteadily(settings.warmupRate(), settings.warmup());
        boolean drained = room.drain(Math.min(deadline, System.nanoTime() + settings.drain().toNanos()));
        out.printf("warm-up: %,d messages over %d s, %s%n", room.sent(), settings.warmup().toSeconds(),
                drained ? "every one delivered" : "NOT all delivered within " + settings.drain().toSeconds() + " s");
        if (!drained) {
            problems.add("the warm-up's messages did not all arrive within " + settings.drain().toSeconds() + " s");
        }
        room.traffic().deliveryLatencySinceLastCall();
        room.traffic().ackLatencySinceLastCall();
    }

    /** Sends {@code remaining} messages from {@code client}, each after a random interval. */
    private static void sendLater(ScheduledExecutorService sender, LoadClient client, SplittableRandom random,
            Settings settings, int remaining) {
        if (remaining == 0) {
            return;
        }
        long delay = random.nextLong(settings.minInterval().toMillis(), settings.maxInterval().toMillis() + 1);
        sender.schedule(() -> {
            client.send();
            sendLater(sender, client, random, settings, remaining - 1);
        }, delay, TimeUnit.MILLISECONDS);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the load run", e);
        }
    }

    /** What a run measured and found. */
    record LoadReport(Settings settings, Transport transport, DeliveryCheck.Verification verification,
            long deliveries, List<String> problems, LatencySummary delivery, LatencySummary ack, Duration sending,
            Duration untilLastDelivery, CpuTime cpu, List<String> transportActivity, boolean onDynalite,
            String machineBefore, String machineAfter) {

        LoadReport {
            problems = List.copyOf(problems);
            transportActivity = List.copyOf(transportActivity);
        }

        boolean passed() {
            return problems.isEmpty();
        }

        /** Deliveries of the measured messages a second, from the first send to the last delivery. */
        double deliveriesPerSecond() {
            return deliveries / seconds(untilLastDelivery);
        }

        void print(PrintStream out) {
            out.printf("sent %,d messages in %.1f s (%.1f/s); %,d deliveries of %,d expected, the last %.1f s after"
                            + " the first send (%.0f deliveries/s); with the warm-up, %,d deliveries of %,d%n",
                    settings.messagesInAll(), seconds(sending), settings.messagesInAll() / seconds(sending), deliveries,
                    settings.messagesInAll() * (settings.clients() - 1), seconds(untilLastDelivery),
                    deliveriesPerSecond(), verification.deliveries(), verification.expectedDeliveries());
            out.println("delivery latency (send -> each other client): " + delivery);
            out.println("ack latency (send -> ack at the sender):       " + ack);
            out.printf("CPU from the first send to the end of the drain: this JVM %.1f s (%.0f us per delivery), %s%n",
                    seconds(cpu.jvm()), microsPerDelivery(), onDynalite ? String.format("dynalite %.1f s (%.1f ms per"
                            + " message)", seconds(cpu.dynalite()), seconds(cpu.dynalite()) * 1e3
                            / settings.messagesInAll()) : "no dynalite (in-memory adapters)");
            transportActivity.forEach(out::println);
            out.printf("duplicate deliveries: %,d of %,d expected with the warm-up (%.3f %%; allowed: %.1f %%)%n",
                    verification.duplicates(), verification.expectedDeliveries(),
                    100.0 * verification.duplicates() / Math.max(1, verification.expectedDeliveries()),
                    settings.allowedDuplicatesPerMille() / 10.0);
            out.println("machine after: " + machineAfter);
            String once = settings.allowedDuplicatesPerMille() == 0 ? "exactly once"
                    : "at least once (repeats within the allowance)";
            out.println(passed() ? "checks: every message reached every other client " + once + ", in its sender's"
                    + " order, never its sender; every message acknowledged once; no error frame, unexpected close or"
                    + " failed invocation" : "CHECKS FAILED:");
            problems.forEach(problem -> out.println("  " + problem));
            out.printf("RESULT load clients=%d messages=%d deliveries=%d expected=%d %s %s deliveries_per_s=%.0f"
                            + " duration_s=%.1f duplicates=%d passed=%s transport=%s%n", settings.clients(),
                    settings.messages(), deliveries, settings.messagesInAll() * (settings.clients() - 1),
                    delivery.fields("latency"), ack.fields("ack"), deliveriesPerSecond(), seconds(untilLastDelivery),
                    verification.duplicates(), passed(), transport.flag());
        }

        /** CPU of this JVM (server and clients alike) per delivery measured. */
        double microsPerDelivery() {
            return seconds(cpu.jvm()) * 1e6 / Math.max(1, deliveries);
        }

        static double seconds(Duration duration) {
            return Math.max(1, duration.toNanos()) / 1e9;
        }
    }
}
