package dev.parley.chat.adapter.out.memory;

import dev.parley.chat.domain.model.Epoch;
import dev.parley.chat.domain.model.HistoryEntry;
import dev.parley.chat.domain.model.HistoryHead;
import dev.parley.chat.domain.model.HistoryPosition;
import dev.parley.chat.domain.model.HistoryWindow;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.StoredMessage;
import dev.parley.chat.domain.model.VoidSeq;
import dev.parley.chat.domain.port.out.MessageHistory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link MessageHistory} in maps: the history of a single-node chat-server and of tests, and the reference the
 * contract test is written against. One lock makes every change atomic. So that a long-running server does not grow
 * without bound, it keeps only each room's latest {@code entriesKeptPerRoom} entries of an epoch, and drops entries
 * once they expire, as the DynamoDB table's TTL deletes them: the writes sweep every room at most once a
 * {@link #SWEEP_INTERVAL}. A room's head (its epoch and seq) stays, so its seqs go on where they were.
 */
public final class InMemoryMessageHistory implements MessageHistory {

    /** How often at most a write sweeps every room for expired entries: a retention is one minute or more. */
    static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final Clock clock;
    private final int entriesKeptPerRoom;
    private final Map<RoomName, HistoryHead> heads = new HashMap<>();
    private final Map<RoomName, Map<Epoch, NavigableMap<Long, Kept>>> entries = new HashMap<>();
    private Instant nextSweep = Instant.MIN;

    /** An entry and when it may be dropped. */
    private record Kept(HistoryEntry entry, Instant expiresAt) {}

    /**
     * @param clock              what expiry is measured by
     * @param entriesKeptPerRoom how many of a room's latest entries of an epoch are kept, 1 or more
     */
    public InMemoryMessageHistory(Clock clock, int entriesKeptPerRoom) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (entriesKeptPerRoom < 1) {
            throw new IllegalArgumentException("entries kept per room must be 1 or more, not " + entriesKeptPerRoom);
        }
        this.entriesKeptPerRoom = entriesKeptPerRoom;
    }

    /** A history keeping what {@code window} reads of each room, measuring expiry by {@code clock}. */
    public static InMemoryMessageHistory forWindow(HistoryWindow window, Clock clock) {
        return new InMemoryMessageHistory(clock, window.entriesKeptPerRoom());
    }

    @Override
    public synchronized HistoryHead head(RoomName room) {
        return heads.computeIfAbsent(room, key -> HistoryHead.start(Epoch.random()));
    }

    @Override
    public synchronized HistoryPosition allocate(RoomName room, Instant at) {
        HistoryPosition next = head(room).latest().next();
        heads.put(room, new HistoryHead(next, Optional.of(at)));
        return next;
    }

    @Override
    public synchronized void store(StoredMessage message, Instant expiresAt) {
        if (!put(message.room(), message, expiresAt)) {
            throw new IllegalStateException("seq " + message.seq() + " of " + message.room() + " holds an entry");
        }
    }

    @Override
    public synchronized void markVoid(RoomName room, HistoryPosition position, Instant at, Instant expiresAt) {
        put(room, new VoidSeq(position, at), expiresAt);
    }

    private boolean put(RoomName room, HistoryEntry entry, Instant expiresAt) {
        NavigableMap<Long, Kept> epoch = epochOf(room, entry.position().epoch());
        boolean added = epoch.putIfAbsent(entry.seq(), new Kept(entry, expiresAt)) == null;
        while (epoch.size() > entriesKeptPerRoom) {
            epoch.pollFirstEntry();
        }
        dropExpired();
        return added;
    }

    /** Drops every entry past its expiry, and the rooms and epochs left empty, at most once a sweep interval. */
    private void dropExpired() {
        Instant now = clock.instant();
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plus(SWEEP_INTERVAL);
        entries.values().removeIf(epochs -> {
            epochs.values().removeIf(epoch -> {
                epoch.values().removeIf(kept -> kept.expiresAt().isBefore(now));
                return epoch.isEmpty();
            });
            return epochs.isEmpty();
        });
    }

    @Override
    public synchronized List<HistoryEntry> entries(RoomName room, HistoryPosition after, long upTo) {
        if (upTo <= after.seq()) {
            return List.of();
        }
        return epochOf(room, after.epoch()).subMap(after.seq(), false, upTo, true).values().stream()
                .map(Kept::entry).toList();
    }

    @Override
    public synchronized List<HistoryEntry> latest(RoomName room, Epoch epoch, long before, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit is 1 or more, not " + limit);
        }
        return epochOf(room, epoch).headMap(before, false).descendingMap().values().stream().limit(limit)
                .map(Kept::entry).toList();
    }

    @Override
    public synchronized HistoryHead reset(RoomName room) {
        HistoryHead fresh = HistoryHead.start(Epoch.random());
        heads.put(room, fresh);
        return fresh;
    }

    private NavigableMap<Long, Kept> epochOf(RoomName room, Epoch epoch) {
        return entries.computeIfAbsent(room, key -> new HashMap<>()).computeIfAbsent(epoch, key -> new TreeMap<>());
    }
}
