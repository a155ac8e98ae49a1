package dev.parley.chat.adapter.out.memory;

import dev.parley.chat.domain.model.Epoch;
import dev.parley.chat.domain.model.HistoryEntry;
import dev.parley.chat.domain.model.HistoryHead;
import dev.parley.chat.domain.model.HistoryPosition;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.StoredMessage;
import dev.parley.chat.domain.model.VoidSeq;
import dev.parley.chat.domain.port.out.MessageHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link MessageHistory} in maps: the history of a single-node chat-server and of tests, and the reference the
 * contract test is written against. One lock makes every change atomic. It never deletes an expired entry (as dynalite
 * never does).
 */
public final class InMemoryMessageHistory implements MessageHistory {

    private final Map<RoomName, HistoryHead> heads = new HashMap<>();
    private final Map<RoomName, Map<Epoch, NavigableMap<Long, HistoryEntry>>> entries = new HashMap<>();

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
        if (!put(message.room(), message)) {
            throw new IllegalStateException("seq " + message.seq() + " of " + message.room() + " holds an entry");
        }
    }

    @Override
    public synchronized void markVoid(RoomName room, HistoryPosition position, Instant at, Instant expiresAt) {
        put(room, new VoidSeq(position, at));
    }

    private boolean put(RoomName room, HistoryEntry entry) {
        return epochOf(room, entry.position().epoch()).putIfAbsent(entry.seq(), entry) == null;
    }

    @Override
    public synchronized List<HistoryEntry> entries(RoomName room, HistoryPosition after, long upTo) {
        if (upTo <= after.seq()) {
            return List.of();
        }
        return new ArrayList<>(epochOf(room, after.epoch()).subMap(after.seq(), false, upTo, true).values());
    }

    @Override
    public synchronized List<HistoryEntry> latest(RoomName room, Epoch epoch, long before, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit is 1 or more, not " + limit);
        }
        return epochOf(room, epoch).headMap(before, false).descendingMap().values().stream().limit(limit).toList();
    }

    @Override
    public synchronized HistoryHead reset(RoomName room) {
        HistoryHead fresh = HistoryHead.start(Epoch.random());
        heads.put(room, fresh);
        return fresh;
    }

    private NavigableMap<Long, HistoryEntry> epochOf(RoomName room, Epoch epoch) {
        return entries.computeIfAbsent(room, key -> new HashMap<>()).computeIfAbsent(epoch, key -> new TreeMap<>());
    }
}
