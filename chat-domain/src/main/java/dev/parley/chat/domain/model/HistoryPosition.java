package dev.parley.chat.domain.model;

import java.util.Objects;

/**
 * A place in a room's history: message {@code seq} of {@code epoch}. Seq 0 is the place before the first message, where
 * a new epoch starts.
 */
public record HistoryPosition(Epoch epoch, long seq) {

    public HistoryPosition {
        Objects.requireNonNull(epoch, "epoch");
        if (seq < 0) {
            throw new IllegalArgumentException("a seq is 0 or more, not " + seq);
        }
    }

    /** The start of a new epoch, before its first message. */
    public static HistoryPosition start(Epoch epoch) {
        return new HistoryPosition(epoch, 0);
    }

    /** The next place in the same epoch. */
    public HistoryPosition next() {
        return new HistoryPosition(epoch, seq + 1);
    }
}
