package dev.parley.bench.idle;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;

/**
 * What one level of the idle-connections benchmark measured: N connections held by a fresh chat-server.
 *
 * @param baselineHeapKb the heap in use after a full collection before any client connected
 * @param heapKb the same with the N connections open
 * @param healthMillis {@code /health}'s round trip with the connections open, before and after the probe message
 * @param probeAckMillis from sending the probe message to its acknowledgement, its fan-out to N - 1 done
 */
record IdleLevel(int connections, int clientJvms, double connectSeconds, int counted, long baselineHeapKb,
        long heapKb, long rssKb, long baselineDescriptors, long descriptors, long descriptorLimit,
        double healthMillis, double healthAfterProbeMillis, double probeAckMillis, long probeReached,
        long outOfMemoryErrors, List<String> problems) {

    IdleLevel {
        problems = List.copyOf(problems);
    }

    static IdleLevel failed(int connections, List<String> problems) {
        return new IdleLevel(connections, 0, 0, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 0, 0, problems);
    }

    boolean passed() {
        return problems.isEmpty();
    }

    /** The heap the connections added, per connection. */
    double heapBytesPerConnection() {
        return (heapKb - baselineHeapKb) * 1024.0 / connections;
    }

    void print(PrintStream out) {
        if (heapKb < 0) {
            out.printf("N = %,d: FAILED%n", connections);
        } else {
            out.printf("N = %,d (%d client JVM%s, connected in %.1f s): /health counts %,d; heap after full GC %.1f MB"
                            + " (%.1f MB before any client: %,.0f bytes a connection); RSS %.0f MB; descriptors %,d"
                            + " (%,d before; limit %,d); /health answered in %.1f ms, %.1f ms after the probe; the"
                            + " probe message acknowledged in %.1f ms, reached %,d of %,d; OutOfMemoryError: %d%n",
                    connections, clientJvms, clientJvms == 1 ? "" : "s", connectSeconds, counted,
                    heapKb / 1024.0, baselineHeapKb / 1024.0, heapBytesPerConnection(), rssKb / 1024.0, descriptors,
                    baselineDescriptors, descriptorLimit, healthMillis, healthAfterProbeMillis, probeAckMillis,
                    probeReached, connections - 1, outOfMemoryErrors);
        }
        out.println(passed() ? "checks: every connection counted open and reached by the probe; no error logged, no"
                + " OutOfMemoryError" : "CHECKS FAILED:");
        problems.forEach(problem -> out.println("  " + problem));
        out.printf("RESULT idle connections=%d heap_mb=%.1f baseline_heap_mb=%.1f heap_bytes_per_connection=%.0f"
                        + " rss_mb=%.0f descriptors=%d descriptor_limit=%d health_ms=%.1f probe_ack_ms=%.1f"
                        + " probe_reached=%d passed=%s%n", connections, heapKb / 1024.0, baselineHeapKb / 1024.0,
                heapBytesPerConnection(), rssKb / 1024.0, descriptors, descriptorLimit, healthMillis, probeAckMillis,
                probeReached, passed());
    }

    /**
     * What a heap of {@code heapMb} holds by the costliest level's bytes a connection, beside what the descriptor
     * limit allows one process.
     */
    static void summarize(List<IdleLevel> levels, int heapMb, PrintStream out) {
        levels.stream().filter(level -> level.passed() && level.connections() >= 100)
                .max(Comparator.comparingDouble(IdleLevel::heapBytesPerConnection))
                .ifPresent(costliest -> {
                    double free = heapMb * 1024.0 * 1024.0 - costliest.baselineHeapKb() * 1024.0;
                    long byHeap = (long) (free / costliest.heapBytesPerConnection());
                    long byDescriptors = costliest.descriptorLimit() - costliest.baselineDescriptors();
                    out.printf("summary: at most %,.0f heap bytes a connection (N = %,d); %d MB of heap, less the"
                                    + " %.1f MB a server uses before any client, holds about %,d idle connections by heap;"
                                    + " the descriptor limit of %,d a process, less the %,d the server holds before any"
                                    + " client, allows %,d: %s%n", costliest.heapBytesPerConnection(),
                            costliest.connections(), heapMb, costliest.baselineHeapKb() / 1024.0, byHeap,
                            costliest.descriptorLimit(), costliest.baselineDescriptors(), byDescriptors,
                            byDescriptors < byHeap ? "the descriptors, not the heap, stop one process here"
                                    : "the heap stops one process first");
                });
    }
}
