package dev.parley.chat.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a room's history stands: the latest seq allocated in its epoch (stored, being stored, or void) and when it was
 * allocated (none before the epoch's first message).
 */
public record HistoryHead(HistoryPosition latest, Optional<Instant> allocatedAt) {

    public HistoryHead {
        Objects.requireNonNull(latest, "latest");
        Objects.requireNonNull(allocatedAt, "allocated at");
        if (latest.seq() == 0 && allocatedAt.isPresent()) {
            throw new IllegalArgumentException("nothing is allocated at seq 0");
        }
        if (latest.seq() > 0 && allocatedAt.isEmpty()) {
            throw new IllegalArgumentException("seq " + latest.seq() + " was allocated at some time");
        }
    }

    /** A new epoch with nothing in it. */
    public static HistoryHead start(Epoch epoch) {
        return new HistoryHead(HistoryPosition.start(epoch), Optional.empty());
    }

    public Epoch epoch() {
        return latest.epoch();
    }

    public long seq() {
        return latest.seq();
    }
}
