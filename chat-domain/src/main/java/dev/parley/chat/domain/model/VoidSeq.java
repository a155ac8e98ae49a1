package dev.parley.chat.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A seq that was allocated but whose message was never stored (its write failed), marked so that resuming clients are
 * told it is void rather than lost.
 */
public record VoidSeq(HistoryPosition position, Instant writtenAt) implements HistoryEntry {

    public VoidSeq {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(writtenAt, "written at");
        if (position.seq() == 0) {
            throw new IllegalArgumentException("seq 0 is never allocated");
        }
    }
}
