package dev.parley.local.gateway;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a connection may live: closed after {@code idleTimeout} without a frame from the client, and after
 * {@code maxDuration} in any case (10 minutes and 2 hours on AWS); and how far its client may fall behind: beyond
 * {@code outboundBufferBytes} unsent, {@code @connections} refuses further messages with 429.
 */
public record ConnectionLimits(Duration idleTimeout, Duration maxDuration, long outboundBufferBytes) {

    public static final Duration AWS_IDLE_TIMEOUT = Duration.ofMinutes(10);
    public static final Duration AWS_MAX_DURATION = Duration.ofHours(2);
    /** API Gateway does not publish its buffer's size; a few MB lets a client that reads at all keep up. */
    static final long DEFAULT_OUTBOUND_BUFFER_BYTES = 4L * 1024 * 1024;

    public ConnectionLimits {
        requirePositive(idleTimeout, "idle timeout");
        requirePositive(maxDuration, "maximum duration");
        if (outboundBufferBytes < 1) {
            throw new IllegalArgumentException("the outbound buffer must hold at least 1 byte, not " + outboundBufferBytes);
        }
    }

    public static Duration requirePositive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the " + what + " must be positive, not " + duration);
        }
        return duration;
    }
}
