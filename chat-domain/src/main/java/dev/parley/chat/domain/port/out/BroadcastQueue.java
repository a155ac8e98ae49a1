package dev.parley.chat.domain.port.out;

import dev.parley.chat.domain.model.BroadcastPage;
import java.util.List;

/**
 * The work queue of broadcast pages, which workers take and send. Delivery to the workers is at least once: a page
 * may come twice.
 */
public interface BroadcastQueue {

    /**
     * Queues every page it can. Never throws for the queue's failure: the pages it could not queue are returned.
     *
     * @return the pages not queued, in any order; empty when every one was
     */
    List<BroadcastPage> enqueue(List<BroadcastPage> pages);
}
