package dev.parley.bench.load;

import org.HdrHistogram.Histogram;

/** The percentiles of a latency histogram recorded in microseconds, in milliseconds. */
public record LatencySummary(long count, double p50, double p90, double p99, double p999, double max) {

    private static final double MICROS_PER_MILLI = 1_000.0;

    public static LatencySummary of(Histogram micros) {
        return new LatencySummary(micros.getTotalCount(), millis(micros, 50), millis(micros, 90), millis(micros, 99),
                millis(micros, 99.9), micros.getMaxValue() / MICROS_PER_MILLI);
    }

    private static double millis(Histogram micros, double percentile) {
        return micros.getValueAtPercentile(percentile) / MICROS_PER_MILLI;
    }

    @Override
    public String toString() {
        return String.format("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms (%,d samples)", p50, p90,
                p99, p999, max, count);
    }

    /** As {@code name_p50_ms=1.2 name_p90_ms=...} for a RESULT line. */
    public String fields(String name) {
        return String.format("%1$s_p50_ms=%2$.1f %1$s_p90_ms=%3$.1f %1$s_p99_ms=%4$.1f %1$s_p999_ms=%5$.1f"
                + " %1$s_max_ms=%6$.1f", name, p50, p90, p99, p999, max);
    }
}
