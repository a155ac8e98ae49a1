package dev.parley.chat.domain.service;

import dev.parley.chat.domain.model.AudiencePlan;
import dev.parley.chat.domain.model.BroadcastPage;
import dev.parley.chat.domain.model.BroadcastPlanning;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.PageCounts;
import dev.parley.chat.domain.model.TrackedBroadcast;
import dev.parley.chat.domain.port.in.PlanBroadcastUseCase;
import dev.parley.chat.domain.port.in.PlannedBroadcast;
import dev.parley.chat.domain.port.out.BroadcastQueue;
import dev.parley.chat.domain.port.out.BroadcastRecords;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.domain.port.out.RoomRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Plans a queued broadcast in a worker: reads the audience page by page, cuts it into pages of {@code pageSize}, keeps
 * them and fixes the plan on the record, then queues them and notes that it did. A planning that comes again (its
 * worker died, or its deletion from the queue failed) queues the kept pages of the fixed plan, never a new reading of
 * an audience that may have changed, so the counts stay those of the plan; once the pages are noted queued it does
 * nothing.
 */
public final class PlanBroadcastService implements PlanBroadcastUseCase {

    private final ConnectionRegistry registry;
    private final RoomRegistry rooms;
    private final Clock clock;
    private final BroadcastRecords records;
    private final BroadcastQueue queue;
    private final int pageSize;

    public PlanBroadcastService(ConnectionRegistry registry, RoomRegistry rooms, Clock clock, BroadcastRecords records,
            BroadcastQueue queue, int pageSize) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.records = Objects.requireNonNull(records, "records");
        this.queue = Objects.requireNonNull(queue, "queue");
        if (pageSize < 1) {
            throw new IllegalArgumentException("a page holds at least one recipient, not " + pageSize);
        }
        this.pageSize = pageSize;
    }

    @Override
    public PlannedBroadcast plan(BroadcastPlanning planning) {
        Optional<TrackedBroadcast> found = records.find(planning.broadcast());
        if (found.isEmpty()) {
            return new PlannedBroadcast.UnknownBroadcast();
        }
        TrackedBroadcast tracked = found.get();
        if (tracked.pagesQueued()) {
            return new PlannedBroadcast.QueuedBefore();
        }
        MessageId id = tracked.broadcast().id();
        List<BroadcastPage> pages = tracked.plan().isPresent() ? records.plannedPages(id)
                : records.plan(id, pages(id, BroadcastService.recipientsOf(tracked.broadcast().room(), registry, rooms)
                        .iterator()));
        var plan = new AudiencePlan(pages.stream().mapToInt(page -> page.recipients().size()).sum(), pages.size());
        if (pages.isEmpty()) {
            records.finish(id, clock.instant());
        }
        int refused = 0;
        for (BroadcastPage page : queue.enqueue(pages)) {
            refused += page.recipients().size();
            records.countPage(id, page.number(), PageCounts.unsent(page.recipients().size()))
                    .filter(TrackedBroadcast::isComplete)
                    .ifPresent(complete -> records.finish(id, clock.instant()));
        }
        records.pagesQueued(id);
        return new PlannedBroadcast.Queued(plan, refused);
    }

    private List<BroadcastPage> pages(MessageId id, Iterator<ConnectionId> audience) {
        List<BroadcastPage> pages = new ArrayList<>();
        List<ConnectionId> page = new ArrayList<>(pageSize);
        while (audience.hasNext()) {
            page.add(audience.next());
            if (page.size() == pageSize) {
                pages.add(new BroadcastPage(id, pages.size(), page));
                page.clear();
            }
        }
        if (!page.isEmpty()) {
            pages.add(new BroadcastPage(id, pages.size(), page));
        }
        return pages;
    }
}
