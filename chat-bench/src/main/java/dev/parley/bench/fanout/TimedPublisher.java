package dev.parley.bench.fanout;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.OutgoingMessage;
import dev.parley.chat.domain.port.out.Deliveries;
import dev.parley.chat.domain.port.out.MessagePublisher;
import java.util.stream.Stream;

/**
 * Times the publish of a message, reading the recipients and sending to them, and the CPU it took, apart from the
 * rest of its use case (a broadcast's audit trail, a send's checks before it).
 */
final class TimedPublisher implements MessagePublisher {

    private final MessagePublisher publisher;
    private final CpuMeter cpu = new CpuMeter();
    private volatile long lastPublishNanos;
    private volatile long[] lastPublishCpuNanos = {0, 0};
    private volatile long firstRecipientAt;

    TimedPublisher(MessagePublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public Deliveries publish(OutgoingMessage message, Stream<ConnectionId> recipients) {
        CpuMeter.Reading cpuBefore = cpu.read();
        firstRecipientAt = 0;
        long start = System.nanoTime();
        try {
            return publisher.publish(message, recipients.peek(recipient -> {
                if (firstRecipientAt == 0) {
                    firstRecipientAt = System.nanoTime();
                }
            }));
        } finally {
            long end = System.nanoTime();
            lastPublishNanos = end - start;
            lastPublishCpuNanos = cpu.read().since(cpuBefore);
            if (firstRecipientAt == 0) {
                firstRecipientAt = end;
            }
        }
    }

    /**
     * When ({@link System#nanoTime()}) the last publish got its first recipient from the registry: no send can start
     * before; the end of the publish if it got none.
     */
    long firstRecipientAt() {
        return firstRecipientAt;
    }

    long lastPublishNanos() {
        return lastPublishNanos;
    }

    /** The CPU of the last publish: {publisher, gateway} in nanoseconds. */
    long[] lastPublishCpuNanos() {
        return lastPublishCpuNanos.clone();
    }
}
