package dev.parley.local.gateway;

import java.util.function.LongSupplier;

/** API Gateway's throttle: {@code burst} calls at once, refilled at {@code ratePerSecond}. */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double ratePerSecond;
    private final int burst;
    private final LongSupplier nanoTime;
    private double tokens;
    private long refilledAt;

    TokenBucket(double ratePerSecond, int burst, LongSupplier nanoTime) {
        requireValid(ratePerSecond, burst);
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.nanoTime = nanoTime;
        this.tokens = burst;
        this.refilledAt = nanoTime.getAsLong();
    }

    /** Fails unless the rate is a positive finite number and the burst at least 1. */
    static void requireValid(double ratePerSecond, int burst) {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("the rate must be a positive number of calls per second, not " + ratePerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("the burst must be at least 1, not " + burst);
        }
    }

    /** Takes a token when there is one; false means the call is throttled. */
    synchronized boolean tryAcquire() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(burst, tokens + (now - refilledAt) / NANOS_PER_SECOND * ratePerSecond);
        refilledAt = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
