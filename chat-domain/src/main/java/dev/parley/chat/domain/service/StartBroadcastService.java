package dev.parley.chat.domain.service;

import dev.parley.chat.domain.model.Broadcast;
import dev.parley.chat.domain.model.BroadcastPage;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.PageCounts;
import dev.parley.chat.domain.model.TrackedBroadcast;
import dev.parley.chat.domain.port.in.BroadcastCommand;
import dev.parley.chat.domain.port.in.BroadcastNotQueuedException;
import dev.parley.chat.domain.port.in.BroadcastStart;
import dev.parley.chat.domain.port.in.StartBroadcastCommand;
import dev.parley.chat.domain.port.in.StartBroadcastUseCase;
import dev.parley.chat.domain.port.out.BroadcastQueue;
import dev.parley.chat.domain.port.out.BroadcastRecords;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.domain.port.out.LimitRegistry;
import dev.parley.chat.domain.port.out.MessagePublisher;
import dev.parley.chat.domain.port.out.RoomRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Starts a broadcast: an audience of up to {@code inlineLimit} is sent to during the call, as {@link BroadcastService}
 * does. A larger one (or any, when the caller asks to be answered at once) is read to the end, cut into pages of
 * {@code pageSize} recipients, recorded, and then queued: a page on the queue always has its record.
 */
public final class StartBroadcastService implements StartBroadcastUseCase {

    private final ConnectionRegistry registry;
    private final RoomRegistry rooms;
    private final Clock clock;
    private final BroadcastRecords records;
    private final BroadcastQueue queue;
    private final BroadcastService inline;
    private final int inlineLimit;
    private final int pageSize;

    public StartBroadcastService(ConnectionRegistry registry, RoomRegistry rooms, MessagePublisher publisher,
            Clock clock, LimitRegistry limits, BroadcastRecords records, BroadcastQueue queue, int inlineLimit,
            int pageSize) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.records = Objects.requireNonNull(records, "records");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.inline = new BroadcastService(registry, rooms, publisher, clock, limits);
        if (inlineLimit < 0 || pageSize < 1) {
            throw new IllegalArgumentException("the inline limit cannot be negative and a page holds at least one recipient");
        }
        this.inlineLimit = inlineLimit;
        this.pageSize = pageSize;
    }

    @Override
    public BroadcastStart start(StartBroadcastCommand command) {
        BroadcastCommand broadcast = command.broadcast();
        Iterator<ConnectionId> recipients = BroadcastService.recipientsOf(broadcast, registry, rooms).iterator();
        List<ConnectionId> first = new ArrayList<>();
        while (first.size() <= inlineLimit && recipients.hasNext()) {
            first.add(recipients.next());
        }
        if (!command.respondAsync() && first.size() <= inlineLimit) {
            return new BroadcastStart.SentInline(inline.broadcastTo(broadcast, first.stream()));
        }
        MessageId id = MessageId.random();
        return new BroadcastStart.Queued(queue(id, broadcast, pages(id, first, recipients)).progress());
    }

    private List<BroadcastPage> pages(MessageId id, List<ConnectionId> first, Iterator<ConnectionId> rest) {
        List<BroadcastPage> pages = new ArrayList<>();
        List<ConnectionId> page = new ArrayList<>(pageSize);
        Iterator<ConnectionId> firstOnes = first.iterator();
        while (firstOnes.hasNext() || rest.hasNext()) {
            page.add(firstOnes.hasNext() ? firstOnes.next() : rest.next());
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

    private TrackedBroadcast queue(MessageId id, BroadcastCommand command, List<BroadcastPage> pages) {
        int recipients = pages.stream().mapToInt(page -> page.recipients().size()).sum();
        var broadcast = new Broadcast(id, command.text(), clock.instant(), command.room(), command.sender(),
                recipients, pages.size());
        records.create(broadcast);
        if (pages.isEmpty()) {
            records.finish(id, clock.instant());
        }
        List<BroadcastPage> refused = queue.enqueue(pages);
        if (!refused.isEmpty()) {
            int unsent = 0;
            for (BroadcastPage page : refused) {
                unsent += page.recipients().size();
                records.countPage(id, page.number(), PageCounts.unsent(page.recipients().size()))
                        .filter(TrackedBroadcast::isComplete)
                        .ifPresent(complete -> records.finish(id, clock.instant()));
            }
            throw new BroadcastNotQueuedException(id, unsent, recipients);
        }
        return records.find(id).orElse(TrackedBroadcast.accepted(broadcast));
    }
}
