package dev.parley.chat.adapter.out.memory;

import dev.parley.chat.domain.model.BroadcastWork;
import dev.parley.chat.domain.port.out.BroadcastQueue;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link BroadcastQueue} as a list that tests take work from; {@link #refuseAfter} makes it refuse every message after
 * some, as a queue gone down in the middle of a broadcast.
 */
public final class InMemoryBroadcastQueue implements BroadcastQueue {

    private final List<BroadcastWork> queued = new ArrayList<>();
    private int accepting = Integer.MAX_VALUE;

    /** From now on, queues {@code messages} more messages and refuses the rest. */
    public synchronized InMemoryBroadcastQueue refuseAfter(int messages) {
        accepting = messages;
        return this;
    }

    @Override
    public synchronized <W extends BroadcastWork> List<W> enqueue(List<W> work) {
        List<W> refused = new ArrayList<>();
        for (W message : work) {
            if (accepting > 0) {
                accepting--;
                queued.add(message);
            } else {
                refused.add(message);
            }
        }
        return refused;
    }

    /** Takes every message queued so far, oldest first. */
    public synchronized List<BroadcastWork> takeAll() {
        List<BroadcastWork> taken = List.copyOf(queued);
        queued.clear();
        return taken;
    }
}
