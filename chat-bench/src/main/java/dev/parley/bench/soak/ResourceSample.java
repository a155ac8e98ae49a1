package dev.parley.bench.soak;

import dev.parley.bench.load.LatencySummary;
import java.time.Duration;

/**
 * What a soak sees every sample interval: the heap left after a full collection, live threads and open file
 * descriptors of this JVM (gateway, handlers and clients), the gateway's open connections, the dynalite process's
 * resident memory, the deliveries so far, and since the previous sample the delivery latency and the CPU used by this
 * JVM and by dynalite (percent of one core; the full collection of each sample counts in the JVM's).
 */
public record ResourceSample(Duration elapsed, long heapAfterGcBytes, int threads, long openFiles,
        int gatewayConnections, long dynaliteRssKb, long deliveries, LatencySummary latency, double jvmCpuPercent,
        double dynaliteCpuPercent) {

    static final String HEADER = String.format("%7s %10s %7s %6s %11s %12s %11s %9s %9s %9s %8s %9s", "t (s)",
            "heap (MB)", "threads", "fds", "connections", "dynalite MB", "deliveries", "p50 ms", "p99 ms", "max ms",
            "JVM CPU", "dynalite");

    double minutes() {
        return elapsed.toMillis() / 60_000.0;
    }

    double heapMegabytes() {
        return heapAfterGcBytes / (1024.0 * 1024);
    }

    @Override
    public String toString() {
        return String.format("%7.0f %10.2f %7d %6d %11d %12.1f %,11d %9.1f %9.1f %9.1f %7.0f%% %8.0f%%",
                elapsed.toMillis() / 1e3, heapMegabytes(), threads, openFiles, gatewayConnections, dynaliteRssKb / 1024.0,
                deliveries, latency.p50(), latency.p99(), latency.max(), jvmCpuPercent, dynaliteCpuPercent);
    }
}
