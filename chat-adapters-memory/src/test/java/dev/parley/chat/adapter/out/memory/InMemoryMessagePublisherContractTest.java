package dev.parley.chat.adapter.out.memory;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.port.out.AbstractMessagePublisherTest;
import dev.parley.chat.domain.port.out.DeliveryResult;
import dev.parley.chat.domain.port.out.MessagePublisher;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

class InMemoryMessagePublisherContractTest extends AbstractMessagePublisherTest {

    private final InMemoryMessagePublisher publisher = new InMemoryMessagePublisher();
    private final Map<ConnectionId, AtomicInteger> received = new ConcurrentHashMap<>();

    @Override
    protected MessagePublisher createPublisher() {
        return publisher;
    }

    @Override
    protected void open(ConnectionId connection) {
        AtomicInteger count = received.computeIfAbsent(connection, key -> new AtomicInteger());
        publisher.open(connection, message -> {
            count.incrementAndGet();
            return DeliveryResult.delivered();
        });
    }

    @Override
    protected void end(ConnectionId connection) {
        publisher.close(connection);
    }

    @Override
    protected int receivedBy(ConnectionId connection) {
        return received.getOrDefault(connection, new AtomicInteger()).get();
    }
}
