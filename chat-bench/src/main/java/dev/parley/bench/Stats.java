package dev.parley.bench;

import java.time.Duration;
import java.util.List;

/** Small summaries of repeated measurements. */
public final class Stats {

    private Stats() {}

    /** The median; the mean of the middle two for an even count. */
    public static double median(List<? extends Number> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to take the median of");
        }
        double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The smallest and the largest, for a spread. */
    public static double[] range(List<? extends Number> values) {
        double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        return new double[] {sorted[0], sorted[sorted.length - 1]};
    }

    /** A duration in seconds, for printing. */
    public static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
