package dev.parley.chat.domain.service;

import dev.parley.chat.domain.model.Broadcast;
import dev.parley.chat.domain.model.BroadcastPlanning;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.MessageId;
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
 * does. For a larger one (or any, when the caller asks to be answered at once) it reads no further: it records the
 * broadcast and queues its planning ({@link PlanBroadcastService}), so the answer takes the same time for any audience.
 */
public final class StartBroadcastService implements StartBroadcastUseCase {

    private final ConnectionRegistry registry;
    private final RoomRegistry rooms;
    private final Clock clock;
    private final BroadcastRecords records;
    private final BroadcastQueue queue;
    private final BroadcastService inline;
    private final int inlineLimit;

    public StartBroadcastService(ConnectionRegistry registry, RoomRegistry rooms, MessagePublisher publisher,
            Clock clock, LimitRegistry limits, BroadcastRecords records, BroadcastQueue queue, int inlineLimit) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.records = Objects.requireNonNull(records, "records");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.inline = new BroadcastService(registry, rooms, publisher, clock, limits);
        if (inlineLimit < 0) {
            throw new IllegalArgumentException("the inline limit cannot be negative: " + inlineLimit);
        }
        this.inlineLimit = inlineLimit;
    }

    @Override
    public BroadcastStart start(StartBroadcastCommand command) {
        BroadcastCommand broadcast = command.broadcast();
        Iterator<ConnectionId> recipients =
                BroadcastService.recipientsOf(broadcast.room(), registry, rooms).iterator();
        List<ConnectionId> first = new ArrayList<>();
        while (first.size() <= inlineLimit && recipients.hasNext()) {
            first.add(recipients.next());
        }
        if (!command.respondAsync() && first.size() <= inlineLimit) {
            return new BroadcastStart.SentInline(inline.broadcastTo(broadcast, first.stream()));
        }
        return new BroadcastStart.Queued(queue(broadcast).progress());
    }

    /** Records the broadcast, then queues its planning: a planning on the queue always has its record. */
    private TrackedBroadcast queue(BroadcastCommand command) {
        var broadcast = new Broadcast(MessageId.random(), command.text(), clock.instant(), command.room(),
                command.sender());
        records.create(broadcast);
        if (!queue.enqueue(List.of(new BroadcastPlanning(broadcast.id()))).isEmpty()) {
            // No worker will read its audience: an empty plan, finished, so the status says it ended with no one.
            records.plan(broadcast.id(), List.of());
            records.finish(broadcast.id(), clock.instant());
            throw new BroadcastNotQueuedException(broadcast.id());
        }
        return TrackedBroadcast.accepted(broadcast);
    }
}
