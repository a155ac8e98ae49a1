package dev.parley.chat.adapter.out.memory;

import dev.parley.chat.domain.model.BroadcastWork;
import dev.parley.chat.domain.port.out.AbstractBroadcastQueueTest;
import dev.parley.chat.domain.port.out.BroadcastQueue;
import java.util.List;

class InMemoryBroadcastQueueTest extends AbstractBroadcastQueueTest {

    private final InMemoryBroadcastQueue queue = new InMemoryBroadcastQueue();

    @Override
    protected BroadcastQueue createEmptyQueue() {
        return queue;
    }

    @Override
    protected List<BroadcastWork> takeAll() {
        return queue.takeAll();
    }
}
