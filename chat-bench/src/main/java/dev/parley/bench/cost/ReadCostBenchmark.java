package dev.parley.bench.cost;

import dev.parley.bench.warm.DiscardingPublisher;
import dev.parley.chat.protocol.FrameWriter;
import dev.parley.bench.DynaliteChatDetailsTable;
import dev.parley.bench.Options;
import dev.parley.bench.ReadCounter;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbConnectionRegistry;
import dev.parley.chat.adapter.out.memory.InMemoryRoomRegistry;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.port.in.BroadcastCommand;
import dev.parley.chat.domain.port.in.BroadcastReport;
import dev.parley.chat.domain.service.BroadcastService;
import dev.parley.chat.adapter.out.memory.InMemoryLimitRegistry;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Goal 4: what one broadcast reads from DynamoDB (dynalite) as the table's history grows while the number of active
 * connections stays put, and what the original tutorial's Scan would read from the same table. The reads of a
 * broadcast must follow the active connections only.
 */
public final class ReadCostBenchmark {

    static final Set<String> OPTIONS = Set.of("active", "historical", "steps");

    private ReadCostBenchmark() {}

    /**
     * @param active     active connections throughout
     * @param historical ended connections written by the end, in {@code steps} equal steps from none
     */
    record Settings(int active, int historical, int steps) {

        static Settings from(Options options) {
            return new Settings(options.integer("active", 1_000, 1), options.integer("historical", 100_000, 0),
                    options.integer("steps", 2, 1));
        }
    }

    /** The reads of one broadcast, and of a Scan of the same table, with this much history. */
    record Measurement(int active, int historical, BroadcastReport report, ReadCounter.Reads broadcastReads,
            ReadCounter.Reads scanReads) {}

    public static void main(String[] args) {
        Settings settings;
        try {
            settings = Settings.from(Options.parse(args, OPTIONS));
        } catch (IllegalArgumentException wrong) {
            System.err.println("read-cost benchmark: " + wrong.getMessage());
            System.exit(2);
            return;
        }
        List<Measurement> measurements = run(settings, System.out);
        System.exit(followsActiveOnly(measurements) ? 0 : 1);
    }

    static List<Measurement> run(Settings settings, PrintStream out) {
        var reads = new ReadCounter();
        try (DynaliteChatDetailsTable table = DynaliteChatDetailsTable.start("chatDetails", reads)) {
            DynamoDbConnectionRegistry registry = table.registry();
            Instant now = Instant.now();
            DynaliteChatDetailsTable.writeAll(IntStream.range(0, settings.active())
                    .mapToObj(n -> new Connection(new ConnectionId(String.format("active%07d=", n)),
                            new DisplayName("guest-" + n), now))
                    .toList(), registry::register, 8);
            var broadcast = new BroadcastService(
                    registry, new InMemoryRoomRegistry(registry), new DiscardingPublisher(new FrameWriter()), Clock.systemUTC(),
                    new InMemoryLimitRegistry());
            out.printf("one broadcast's DynamoDB reads (dynalite) with %,d active connections%n", settings.active());
            out.printf("%12s %12s | %-44s | %-44s%n", "active", "historical", "broadcast: calls, items examined, RCU",
                    "Scan of the table: calls, items examined, RCU");

            List<Measurement> measurements = new ArrayList<>();
            int written = 0;
            for (int step = 0; step <= settings.steps(); step++) {
                int historical = (int) ((long) settings.historical() * step / settings.steps());
                table.writeEndedConnections(written, historical - written, now.minusSeconds(86_400));
                written = historical;
                reads.takeReads();
                BroadcastReport report = broadcast.broadcast(new BroadcastCommand(new MessageText("cost " + step)));
                ReadCounter.Reads broadcastReads = reads.takeReads();
                table.scanAll();
                ReadCounter.Reads scanReads = reads.takeReads();
                var measurement = new Measurement(settings.active(), historical, report, broadcastReads, scanReads);
                measurements.add(measurement);
                out.printf("%,12d %,12d | %,8d %,12d %,12.1f %9s | %,8d %,12d %,12.1f%n", settings.active(), historical,
                        broadcastReads.calls(), broadcastReads.itemsExamined(), broadcastReads.capacityUnits(), "",
                        scanReads.calls(), scanReads.itemsExamined(), scanReads.capacityUnits());
            }
            boolean follows = followsActiveOnly(measurements);
            Measurement last = measurements.get(measurements.size() - 1);
            out.printf("RESULT read-cost active=%d historical=%d broadcast_calls=%d broadcast_items=%d broadcast_rcu=%.1f"
                            + " scan_calls=%d scan_items=%d scan_rcu=%.1f follows_active_only=%s%n",
                    last.active(), last.historical(), last.broadcastReads().calls(), last.broadcastReads().itemsExamined(),
                    last.broadcastReads().capacityUnits(), last.scanReads().calls(), last.scanReads().itemsExamined(),
                    last.scanReads().capacityUnits(), follows);
            return measurements;
        }
    }

    /** Every broadcast reached every active connection and read the same, whatever the history. */
    static boolean followsActiveOnly(List<Measurement> measurements) {
        Measurement first = measurements.get(0);
        return measurements.stream().allMatch(measurement -> measurement.report().delivered() == measurement.active()
                && measurement.broadcastReads().itemsExamined() == measurement.active()
                && measurement.broadcastReads().calls() == first.broadcastReads().calls()
                && measurement.broadcastReads().capacityUnits() == first.broadcastReads().capacityUnits());
    }
}
