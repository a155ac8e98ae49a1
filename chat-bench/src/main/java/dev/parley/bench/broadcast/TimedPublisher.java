package dev.parley.bench.broadcast;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.OutgoingMessage;
import dev.parley.chat.domain.port.out.Deliveries;
import dev.parley.chat.domain.port.out.MessagePublisher;
import java.util.stream.Stream;

/**
 * Times the publish of a broadcast, reading the recipients and sending to them, and the CPU it took, apart from the
 * audit trail written after it.
 */
final class TimedPublisher implements MessagePublisher {

    private final MessagePublisher publisher;
    private final CpuMeter cpu = new CpuMeter();
    private volatile long lastPublishNanos;
    private volatile long[] lastPublishCpuNanos = {0, 0};

    TimedPublisher(MessagePublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public Deliveries publish(OutgoingMessage message, Stream<ConnectionId> recipients) {
        CpuMeter.Reading cpuBefore = cpu.read();
        long start = System.nanoTime();
        try {
            return publisher.publish(message, recipients);
        } finally {
            lastPublishNanos = System.nanoTime() - start;
            lastPublishCpuNanos = cpu.read().since(cpuBefore);
        }
    }

    long lastPublishNanos() {
        return lastPublishNanos;
    }

    /** The CPU of the last publish: {publisher, gateway} in nanoseconds. */
    long[] lastPublishCpuNanos() {
        return lastPublishCpuNanos.clone();
    }
}
