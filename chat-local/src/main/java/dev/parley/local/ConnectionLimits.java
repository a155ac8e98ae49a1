package dev.parley.local;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a connection may live: closed after {@code idleTimeout} without a frame from the client, and after
 * {@code maxDuration} in any case (10 minutes and 2 hours on AWS).
 */
record ConnectionLimits(Duration idleTimeout, Duration maxDuration) {

    static final Duration AWS_IDLE_TIMEOUT = Duration.ofMinutes(10);
    static final Duration AWS_MAX_DURATION = Duration.ofHours(2);

    ConnectionLimits {
        requirePositive(idleTimeout, "idle timeout");
        requirePositive(maxDuration, "maximum duration");
    }

    static ConnectionLimits aws() {
        return new ConnectionLimits(AWS_IDLE_TIMEOUT, AWS_MAX_DURATION);
    }

    static Duration requirePositive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the " + what + " must be positive, not " + duration);
        }
        return duration;
    }
}
