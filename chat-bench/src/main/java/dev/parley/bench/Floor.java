package dev.parley.bench;

import java.time.Duration;

/**
 * The least time a broadcast to {@code recipients} can take through API Gateway's account-wide token bucket: the
 * burst goes at once, the rest at the refill rate, and the last send still takes one round trip.
 */
public record Floor(int recipients, double ratePerSecond, int burst, Duration latency) {

    public Floor {
        if (recipients < 0 || !(ratePerSecond > 0) || burst < 1 || latency.isNegative()) {
            throw new IllegalArgumentException("recipients >= 0, rate > 0, burst >= 1 and latency >= 0 are needed");
        }
    }

    public Duration duration() {
        double seconds = Math.max(0, recipients - burst) / ratePerSecond;
        return Duration.ofNanos(Math.round(seconds * 1e9)).plus(latency);
    }
}
