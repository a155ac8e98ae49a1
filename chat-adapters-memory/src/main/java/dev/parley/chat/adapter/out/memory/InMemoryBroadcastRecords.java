package dev.parley.chat.adapter.out.memory;

import dev.parley.chat.domain.model.AudiencePlan;
import dev.parley.chat.domain.model.Broadcast;
import dev.parley.chat.domain.model.BroadcastPage;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.PageCounts;
import dev.parley.chat.domain.model.TrackedBroadcast;
import dev.parley.chat.domain.port.out.BroadcastRecords;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link BroadcastRecords} in a map: the fake for tests and the reference the contract test is written against. */
public final class InMemoryBroadcastRecords implements BroadcastRecords {

    private final Map<MessageId, TrackedBroadcast> broadcasts = new HashMap<>();
    private final Map<MessageId, List<BroadcastPage>> plannedPages = new HashMap<>();
    private final Map<MessageId, Set<Integer>> countedPages = new HashMap<>();

    @Override
    public synchronized void create(Broadcast broadcast) {
        if (broadcasts.putIfAbsent(broadcast.id(), TrackedBroadcast.accepted(broadcast)) != null) {
            throw new IllegalStateException("broadcast " + broadcast.id() + " exists already");
        }
        countedPages.put(broadcast.id(), new HashSet<>());
    }

    @Override
    public synchronized Optional<TrackedBroadcast> find(MessageId id) {
        return Optional.ofNullable(broadcasts.get(id));
    }

    @Override
    public synchronized List<BroadcastPage> plan(MessageId id, List<BroadcastPage> pages) {
        TrackedBroadcast tracked = broadcasts.get(id);
        if (tracked == null) {
            return List.of();
        }
        if (tracked.plan().isEmpty()) {
            var plan = new AudiencePlan(pages.stream().mapToInt(page -> page.recipients().size()).sum(), pages.size());
            plannedPages.put(id, List.copyOf(pages));
            broadcasts.put(id, new TrackedBroadcast(tracked.broadcast(), Optional.of(plan), false, tracked.counted(),
                    tracked.pagesCounted(), tracked.finishedAt()));
        }
        return plannedPages.get(id);
    }

    @Override
    public synchronized List<BroadcastPage> plannedPages(MessageId id) {
        return plannedPages.getOrDefault(id, List.of());
    }

    @Override
    public synchronized void pagesQueued(MessageId id) {
        broadcasts.computeIfPresent(id, (key, tracked) -> tracked.plan().isEmpty() ? tracked
                : new TrackedBroadcast(tracked.broadcast(), tracked.plan(), true, tracked.counted(),
                        tracked.pagesCounted(), tracked.finishedAt()));
    }

    @Override
    public synchronized Optional<TrackedBroadcast> countPage(MessageId id, int page, PageCounts counts) {
        TrackedBroadcast tracked = broadcasts.get(id);
        if (tracked == null || !countedPages.get(id).add(page)) {
            return Optional.empty();
        }
        var after = new TrackedBroadcast(tracked.broadcast(), tracked.plan(), tracked.pagesQueued(),
                tracked.counted().plus(counts), tracked.pagesCounted() + 1, tracked.finishedAt());
        broadcasts.put(id, after);
        return Optional.of(after);
    }

    @Override
    public synchronized void finish(MessageId id, Instant at) {
        broadcasts.computeIfPresent(id, (key, tracked) -> tracked.finishedAt().isPresent() || tracked.plan().isEmpty()
                ? tracked
                : new TrackedBroadcast(tracked.broadcast(), tracked.plan(), tracked.pagesQueued(), tracked.counted(),
                        tracked.pagesCounted(), Optional.of(at)));
    }
}
