package dev.parley.chat.domain.port.out;

import dev.parley.chat.domain.model.Broadcast;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.PageCounts;
import dev.parley.chat.domain.model.TrackedBroadcast;
import java.time.Instant;
import java.util.Optional;

/**
 * Where queued broadcasts and their progress are kept. Workers on several machines count pages at once, and a page
 * may be delivered more than once: every change is one atomic write, counters only grow, and a page adds its counts
 * once however often it is counted.
 */
public interface BroadcastRecords {

    /** Keeps a broadcast just accepted ({@link TrackedBroadcast#accepted}). Its id is new. */
    void create(Broadcast broadcast);

    /** The broadcast and its progress; empty when there is no such broadcast (or no longer). */
    Optional<TrackedBroadcast> find(MessageId id);

    /** Notes that a worker began on the broadcast; once is enough, more change nothing. Ignores an unknown id. */
    void begin(MessageId id);

    /**
     * Adds {@code counts} to the broadcast's counters, as page {@code page}'s, unless that page was counted before.
     *
     * @return the broadcast after the count; empty when the page had been counted (nothing changed) or the broadcast is unknown
     */
    Optional<TrackedBroadcast> countPage(MessageId id, int page, PageCounts counts);

    /** Notes that the broadcast, every page counted, finished {@code at}, unless it already has a finish. */
    void finish(MessageId id, Instant at);
}
