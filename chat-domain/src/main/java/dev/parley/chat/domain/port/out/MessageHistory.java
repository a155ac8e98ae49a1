package dev.parley.chat.domain.port.out;

import dev.parley.chat.domain.model.Epoch;
import dev.parley.chat.domain.model.HistoryEntry;
import dev.parley.chat.domain.model.HistoryHead;
import dev.parley.chat.domain.model.HistoryPosition;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.StoredMessage;
import java.time.Instant;
import java.util.List;

/**
 * Where each room's messages are kept in seq order. A seq is allocated atomically, so racing senders get 1, 2, 3…
 * each once; then its message is stored (or, when that fails, the seq marked void). Every read is consistent: an
 * entry whose write returned is in it. A room's history starts, with a new epoch, the first time it is read or
 * written, and starts again when it is {@link #reset}. Entries are kept until they expire ({@code expiresAt}, the
 * retention the domain filters by); how expired ones are deleted, and when, is the adapter's. An adapter in memory may
 * also keep only a room's latest {@link dev.parley.chat.domain.model.HistoryWindow#entriesKeptPerRoom} entries of an
 * epoch, all that resumes read.
 */
public interface MessageHistory {

    /** The room's head; starts its history (a new epoch, seq 0) when it has none. */
    HistoryHead head(RoomName room);

    /** Allocates the room's next seq, {@code at} (starting its history when it has none), and returns it. */
    HistoryPosition allocate(RoomName room, Instant at);

    /**
     * Stores the message at its allocated place, to be deleted after {@code expiresAt}.
     *
     * @throws IllegalStateException when the place holds an entry already (nothing changed)
     */
    void store(StoredMessage message, Instant expiresAt);

    /**
     * Marks the allocated {@code position} void, {@code at}, when its message could not be stored; changes nothing when
     * the place holds an entry (a write that failed on its way back had stored it).
     */
    void markVoid(RoomName room, HistoryPosition position, Instant at, Instant expiresAt);

    /** Every entry of {@code after}'s epoch with a seq after {@code after}'s and at most {@code upTo}, in seq order. */
    List<HistoryEntry> entries(RoomName room, HistoryPosition after, long upTo);

    /** Up to {@code limit} (1 or more) entries of {@code epoch} with a seq below {@code before}, latest first. */
    List<HistoryEntry> latest(RoomName room, Epoch epoch, long before, int limit);

    /** Starts the room's history anew: a new epoch, at seq 0. The old epoch's entries expire as they would have. */
    HistoryHead reset(RoomName room);
}
