package dev.parley.bench.soak;

import java.util.List;

/**
 * How fast a quantity grew over the second half of a soak: the least-squares slope of its samples against time, per
 * minute, against a limit. The first half is left out: it holds the warm-up (class loading, JIT, pools filling).
 */
public record Growth(String quantity, String unit, double perMinute, double limitPerMinute, double min, double max) {

    /** One sample of a quantity, {@code minutes} into the soak. */
    public record Point(double minutes, double value) {}

    public boolean withinLimit() {
        return perMinute < limitPerMinute;
    }

    /** Judges {@code series}, in time order, against {@code limitPerMinute}; needs two points in its second half. */
    public static Growth of(String quantity, String unit, List<Point> series, double limitPerMinute) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("no samples of " + quantity);
        }
        double half = series.get(series.size() - 1).minutes() / 2;
        List<Point> secondHalf = series.stream().filter(point -> point.minutes() >= half).toList();
        if (secondHalf.size() < 2) {
            throw new IllegalArgumentException("the second half of the soak holds " + secondHalf.size() + " sample(s) of "
                    + quantity + "; a trend needs at least 2");
        }
        double meanTime = secondHalf.stream().mapToDouble(Point::minutes).average().orElseThrow();
        double meanValue = secondHalf.stream().mapToDouble(Point::value).average().orElseThrow();
        double covariance = 0;
        double variance = 0;
        for (Point point : secondHalf) {
            covariance += (point.minutes() - meanTime) * (point.value() - meanValue);
            variance += (point.minutes() - meanTime) * (point.minutes() - meanTime);
        }
        if (variance == 0) {
            throw new IllegalArgumentException("the samples of " + quantity + " were all taken at the same time");
        }
        return new Growth(quantity, unit, covariance / variance, limitPerMinute,
                secondHalf.stream().mapToDouble(Point::value).min().orElseThrow(),
                secondHalf.stream().mapToDouble(Point::value).max().orElseThrow());
    }

    @Override
    public String toString() {
        return String.format("%s: %+.2f %s/min over the second half (limit %.2f), from %.1f to %.1f %s: %s", quantity,
                perMinute, unit, limitPerMinute, min, max, unit, withinLimit() ? "ok" : "GROWING");
    }
}
