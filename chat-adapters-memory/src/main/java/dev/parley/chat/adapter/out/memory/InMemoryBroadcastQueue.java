package dev.parley.chat.adapter.out.memory;

import dev.parley.chat.domain.model.BroadcastPage;
import dev.parley.chat.domain.port.out.BroadcastQueue;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link BroadcastQueue} as a list that tests take pages from; {@link #refuseAfter} makes it refuse every page after
 * some, as a queue gone down in the middle of a broadcast.
 */
public final class InMemoryBroadcastQueue implements BroadcastQueue {

    private final List<BroadcastPage> queued = new ArrayList<>();
    private int accepting = Integer.MAX_VALUE;

    /** From now on, queues {@code pages} more pages and refuses the rest. */
    public synchronized InMemoryBroadcastQueue refuseAfter(int pages) {
        accepting = pages;
        return this;
    }

    @Override
    public synchronized List<BroadcastPage> enqueue(List<BroadcastPage> pages) {
        List<BroadcastPage> refused = new ArrayList<>();
        for (BroadcastPage page : pages) {
            if (accepting > 0) {
                accepting--;
                queued.add(page);
            } else {
                refused.add(page);
            }
        }
        return refused;
    }

    /** Takes every page queued so far, oldest first. */
    public synchronized List<BroadcastPage> takeAll() {
        List<BroadcastPage> taken = List.copyOf(queued);
        queued.clear();
        return taken;
    }
}
