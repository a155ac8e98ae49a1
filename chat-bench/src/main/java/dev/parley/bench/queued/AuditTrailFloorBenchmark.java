package dev.parley.bench.queued;

import dev.parley.bench.DynaliteChatDetailsTable;
import dev.parley.bench.Options;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbConnectionRegistry;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.PostedText;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * The floor of a broadcast's audit trail: how fast dynalite takes the seed's {@code BroadcastMessage} /
 * {@code LatestBroadcasttime} UpdateItem on N registered connections, written through the registry's own
 * {@code recordBroadcast} (conditional UpdateItems, never PutItem), by 1, 2, 4... callers at once on disjoint slices,
 * each with the registry's writer threads. The best rate is the ceiling a broadcast's writes can be read against.
 */
public final class AuditTrailFloorBenchmark {

    static final Set<String> OPTIONS = Set.of("connections", "max-callers");

    private AuditTrailFloorBenchmark() {}

    record Settings(int connections, int maxCallers) {
        static Settings from(Options options) {
            return new Settings(options.integer("connections", 10_000, 1), options.integer("max-callers", 4, 1));
        }
    }

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = Settings.from(Options.parse(args, OPTIONS));
        } catch (IllegalArgumentException wrong) {
            System.err.println("audit trail floor benchmark: " + wrong.getMessage());
            System.exit(2);
            return;
        }
        run(settings, System.out);
    }

    /** Writes the audit trail on every connection once per number of callers; returns the best rate, writes a second. */
    static double run(Settings settings, PrintStream out) {
        List<ConnectionId> ids = IntStream.range(0, settings.connections())
                .mapToObj(n -> new ConnectionId(String.format("audit%07d=", n))).toList();
        double best = 0;
        try (DynaliteChatDetailsTable table = DynaliteChatDetailsTable.start("chatDetails")) {
            DynamoDbConnectionRegistry registry = table.registry();
            Instant connectedAt = Instant.now();
            DynaliteChatDetailsTable.writeAll(ids, id -> registry.register(
                    new Connection(id, new DisplayName("bench"), connectedAt)), 16);
            for (int callers = 1; callers <= settings.maxCallers(); callers *= 2) {
                var posted = new PostedText(new MessageText("floor with " + callers), Instant.now(), Optional.empty());
                long started = System.nanoTime();
                List<CompletableFuture<Void>> calls = new ArrayList<>();
                int slice = (ids.size() + callers - 1) / callers;
                for (int from = 0; from < ids.size(); from += slice) {
                    List<ConnectionId> part = ids.subList(from, Math.min(ids.size(), from + slice));
                    calls.add(CompletableFuture.runAsync(() -> registry.recordBroadcast(part, posted)));
                }
                calls.forEach(CompletableFuture::join);
                double seconds = (System.nanoTime() - started) / 1e9;
                double rate = ids.size() / seconds;
                best = Math.max(best, rate);
                out.printf("RESULT audit-trail-floor connections=%d callers=%d seconds=%.3f writes_per_s=%.0f%n",
                        ids.size(), callers, seconds, rate);
            }
        }
        return best;
    }
}
