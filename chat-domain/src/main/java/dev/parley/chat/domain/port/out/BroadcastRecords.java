package dev.parley.chat.domain.port.out;

import dev.parley.chat.domain.model.Broadcast;
import dev.parley.chat.domain.model.BroadcastPage;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.PageCounts;
import dev.parley.chat.domain.model.TrackedBroadcast;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where queued broadcasts, their plans and their progress are kept. Workers on several machines count pages at once,
 * and a page may be delivered more than once: every change of the progress is one atomic write, counters only grow,
 * and a page adds its counts once however often it is counted.
 */
public interface BroadcastRecords {

    /** Keeps a broadcast just accepted ({@link TrackedBroadcast#accepted}). Its id is new. */
    void create(Broadcast broadcast);

    /** The broadcast and its progress; empty when there is no such broadcast (or no longer). */
    Optional<TrackedBroadcast> find(MessageId id);

    /**
     * Keeps the pages the broadcast's audience was cut into (numbered 0 up, in order), then fixes its plan from them,
     * unless a plan was fixed before: then nothing changes. One planning worker runs at a time for a broadcast (its
     * queue message stays hidden longer than the function may run), so the pages kept are those of the plan fixed.
     *
     * @return the pages of the broadcast's plan, as kept; empty when the broadcast is unknown
     */
    List<BroadcastPage> plan(MessageId id, List<BroadcastPage> pages);

    /** The pages of the broadcast's fixed plan, in order; empty when it has none (or is unknown). */
    List<BroadcastPage> plannedPages(MessageId id);

    /** Notes that every page of the plan was queued; once is enough, more change nothing. Ignores an unknown id. */
    void pagesQueued(MessageId id);

    /**
     * Adds {@code counts} to the broadcast's counters, as page {@code page}'s, unless that page was counted before.
     *
     * @return the broadcast after the count; empty when the page had been counted (nothing changed) or the broadcast is unknown
     */
    Optional<TrackedBroadcast> countPage(MessageId id, int page, PageCounts counts);

    /** Notes that the broadcast, planned and every page counted, finished {@code at}, unless it already has a finish. */
    void finish(MessageId id, Instant at);
}
