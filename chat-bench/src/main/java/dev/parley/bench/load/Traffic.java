package dev.parley.bench.load;

import java.util.concurrent.atomic.LongAccumulator;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The timing every client of a run shares: the run's origin, and the latencies of deliveries (send to receipt at each
 * other client) and acknowledgements (send to ack at the sender), in microseconds. Clients and server share this JVM,
 * so one monotonic clock times both ends.
 */
public final class Traffic {

    private static final int SIGNIFICANT_DIGITS = 3;

    private final long originNanos = System.nanoTime();
    private final Recorder deliveryLatency = new Recorder(SIGNIFICANT_DIGITS);
    private final Recorder ackLatency = new Recorder(SIGNIFICANT_DIGITS);
    private final LongAccumulator lastDelivery = new LongAccumulator(Math::max, 0);

    /** Nanoseconds since the run began. */
    public long elapsedNanos() {
        return System.nanoTime() - originNanos;
    }

    void delivered(LoadMessage message) {
        long now = elapsedNanos();
        deliveryLatency.recordValue(Math.max(0, now - message.sentAtNanos()) / 1_000);
        lastDelivery.accumulate(now);
    }

    void acknowledged(LoadMessage message) {
        ackLatency.recordValue(Math.max(0, elapsedNanos() - message.sentAtNanos()) / 1_000);
    }

    /** Delivery latencies since the last call (the first call: since the run began). */
    public Histogram deliveryLatencySinceLastCall() {
        return deliveryLatency.getIntervalHistogram();
    }

    public Histogram ackLatencySinceLastCall() {
        return ackLatency.getIntervalHistogram();
    }

    /** When the latest delivery arrived, in nanoseconds since the run began; 0 before any. */
    public long lastDeliveryNanos() {
        return lastDelivery.get();
    }
}
