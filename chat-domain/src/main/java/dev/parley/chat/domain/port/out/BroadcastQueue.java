package dev.parley.chat.domain.port.out;

import dev.parley.chat.domain.model.BroadcastWork;
import java.util.List;

/**
 * The work queue of broadcasts (plannings and pages), which workers take and do. Delivery to the workers is at least
 * once: a message may come twice.
 */
public interface BroadcastQueue {

    /**
     * Queues every message it can. Never throws for the queue's failure: the messages it could not queue are returned.
     *
     * @return the work not queued, in any order; empty when every message was
     */
    <W extends BroadcastWork> List<W> enqueue(List<W> work);
}
