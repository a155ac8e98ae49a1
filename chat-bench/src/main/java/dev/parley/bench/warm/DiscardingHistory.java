package dev.parley.bench.warm;

import dev.parley.chat.domain.model.Epoch;
import dev.parley.chat.domain.model.HistoryEntry;
import dev.parley.chat.domain.model.HistoryHead;
import dev.parley.chat.domain.model.HistoryPosition;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.StoredMessage;
import dev.parley.chat.domain.port.out.MessageHistory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A history for the warm path: allocates seqs atomically as the real one does and keeps nothing else, for the reason
 * {@link DiscardingPublisher} keeps nothing (millions of stored messages would measure the heap, not the handler).
 */
final class DiscardingHistory implements MessageHistory {

    private final Map<RoomName, HistoryHead> heads = new ConcurrentHashMap<>();

    @Override
    public HistoryHead head(RoomName room) {
        return heads.computeIfAbsent(room, key -> HistoryHead.start(Epoch.random()));
    }

    @Override
    public HistoryPosition allocate(RoomName room, Instant at) {
        return heads.compute(room, (key, head) -> new HistoryHead(
                (head == null ? HistoryHead.start(Epoch.random()) : head).latest().next(), Optional.of(at))).latest();
    }

    @Override
    public void store(StoredMessage message, Instant expiresAt) {
        if (message.seq() > head(message.room()).seq()) {
            throw new IllegalStateException("seq " + message.seq() + " was never allocated");
        }
    }

    @Override
    public void markVoid(RoomName room, HistoryPosition position, Instant at, Instant expiresAt) {
        // Nothing is kept, so nothing is marked.
    }

    @Override
    public List<HistoryEntry> entries(RoomName room, HistoryPosition after, long upTo) {
        return List.of();
    }

    @Override
    public List<HistoryEntry> latest(RoomName room, Epoch epoch, long before, int limit) {
        return List.of();
    }

    @Override
    public HistoryHead reset(RoomName room) {
        HistoryHead fresh = HistoryHead.start(Epoch.random());
        heads.put(room, fresh);
        return fresh;
    }
}
