package dev.parley.chat.adapter.out.apigateway;

import java.util.function.LongSupplier;

/**
 * The publisher's copy of the account's token bucket ({@link CallbackRate}), as a schedule: each send reserves the
 * next token and learns how long to wait for it, so sends are spread at the rate instead of being refused with 429s
 * and retried at random (the generic cell rate algorithm: a theoretical arrival time instead of a token count).
 *
 * <p>A 429 means the real bucket is empty, because other traffic of the account shares it: {@link #drain()} empties
 * this one too, so the sends that follow go at the sustained rate rather than spending a burst that is not there.
 */
final class CallbackPacer {

    private final long interval;
    private final long burstTolerance;
    private final LongSupplier nanoTime;
    /** When the bucket would next be empty if every reserved token were spent: the "theoretical arrival time". */
    private long theoreticalArrival;

    CallbackPacer(CallbackRate rate, LongSupplier nanoTime) {
        this.interval = Math.max(1, 1_000_000_000L / rate.perSecond());
        this.burstTolerance = (rate.burst() - 1) * interval;
        this.nanoTime = nanoTime;
        this.theoreticalArrival = nanoTime.getAsLong();
    }

    /** Reserves the next token; returns the nanoseconds to wait before using it (0: at once). */
    synchronized long reserve() {
        long now = nanoTime.getAsLong();
        long allowedAt = Math.max(now, theoreticalArrival - burstTolerance);
        theoreticalArrival = Math.max(theoreticalArrival, allowedAt) + interval;
        return allowedAt - now;
    }

    /** The real bucket is empty: no burst is left here either, and the next token comes one interval from now. */
    synchronized void drain() {
        theoreticalArrival = Math.max(theoreticalArrival, nanoTime.getAsLong() + burstTolerance + interval);
    }
}
