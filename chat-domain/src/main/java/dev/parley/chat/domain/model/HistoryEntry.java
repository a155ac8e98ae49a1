package dev.parley.chat.domain.model;

import java.time.Instant;

/** What a room's history holds at one seq: the message stored there, or the mark that its write failed. */
public sealed interface HistoryEntry permits StoredMessage, VoidSeq {

    HistoryPosition position();

    /** When the entry was written; a message's is when it was sent, which is after its seq was allocated. */
    Instant writtenAt();

    default long seq() {
        return position().seq();
    }
}
