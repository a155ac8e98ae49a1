package dev.parley.local.gateway;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * For benchmarks only: connection ids that {@code @connections} accepts POSTs for with no WebSocket behind them,
 * counting the copies each one receives. A broadcast to 100,000 recipients then needs no 100,000 sockets, and the
 * endpoint itself can tell whether every recipient got exactly one copy. Off unless given to
 * {@link LocalGateway.Builder#virtualConnections(VirtualConnections)}; a real connection with the same id takes
 * precedence. GET and DELETE do not know virtual connections (410), since there is nothing to describe or close.
 */
public final class VirtualConnections {

    private static final VirtualConnections NONE = new VirtualConnections(Map.of());

    private final Map<String, AtomicInteger> copies;
    /** {@link System#nanoTime()} of the first and the latest copy received; 0 while none came since the last reset. */
    private final AtomicLong firstCopyNanos = new AtomicLong();
    private final AtomicLong lastCopyNanos = new AtomicLong();

    private VirtualConnections(Map<String, AtomicInteger> copies) {
        this.copies = copies;
    }

    /** These ids, each with no copy received yet; fails on a blank or null id. */
    public static VirtualConnections of(Collection<String> ids) {
        Objects.requireNonNull(ids, "ids");
        Map<String, AtomicInteger> copies = new ConcurrentHashMap<>(Math.max(16, ids.size() * 2));
        for (String id : ids) {
            Objects.requireNonNull(id, "a virtual connection id is null");
            if (id.isBlank()) {
                throw new IllegalArgumentException("a virtual connection id must not be blank");
            }
            copies.putIfAbsent(id, new AtomicInteger());
        }
        return new VirtualConnections(copies);
    }

    /** No virtual connection at all: what the gateway has unless told otherwise. */
    static VirtualConnections none() {
        return NONE;
    }

    /** Counts a copy for {@code connectionId}; false when it is not a virtual connection. */
    boolean receive(String connectionId) {
        AtomicInteger received = copies.get(connectionId);
        if (received == null) {
            return false;
        }
        received.incrementAndGet();
        long now = System.nanoTime();
        firstCopyNanos.compareAndSet(0, now);
        lastCopyNanos.accumulateAndGet(now, Math::max);
        return true;
    }

    /** How many copies {@code connectionId} received; 0 for an id that is not virtual. */
    public int copiesTo(String connectionId) {
        AtomicInteger received = copies.get(connectionId);
        return received == null ? 0 : received.get();
    }

    /** How the copies are spread over the virtual connections right now. */
    public Tally tally() {
        int none = 0;
        int exactlyOne = 0;
        int several = 0;
        long total = 0;
        for (AtomicInteger received : copies.values()) {
            int count = received.get();
            total += count;
            if (count == 0) {
                none++;
            } else if (count == 1) {
                exactlyOne++;
            } else {
                several++;
            }
        }
        return new Tally(copies.size(), none, exactlyOne, several, total);
    }

    /**
     * When the first copy came, on {@link System#nanoTime()}'s scale: a queued broadcast's sends start after its
     * planning. 0 while no copy came since the last {@link #reset()}.
     */
    public long firstCopyNanos() {
        return firstCopyNanos.get();
    }

    /**
     * When the latest copy came, on {@link System#nanoTime()}'s scale: a queued broadcast's last copy lands before its
     * status says {@code done}. 0 while no copy came since the last {@link #reset()}.
     */
    public long lastCopyNanos() {
        return lastCopyNanos.get();
    }

    /** Forgets every copy received, so the same connections serve the next run. */
    public void reset() {
        copies.values().forEach(received -> received.set(0));
        firstCopyNanos.set(0);
        lastCopyNanos.set(0);
    }

    /**
     * The copies over all virtual connections.
     *
     * @param connections how many virtual connections there are
     * @param none        those that received no copy
     * @param exactlyOne  those that received exactly one
     * @param several     those that received more than one
     * @param copies      the copies received in all
     */
    public record Tally(int connections, int none, int exactlyOne, int several, long copies) {

        public Tally {
            if (none < 0 || exactlyOne < 0 || several < 0 || connections != none + exactlyOne + several) {
                throw new IllegalArgumentException("connections must equal none + exactlyOne + several, none negative");
            }
        }

        /** Every virtual connection received exactly one copy. */
        public boolean exactlyOneEach() {
            return exactlyOne == connections;
        }
    }
}
