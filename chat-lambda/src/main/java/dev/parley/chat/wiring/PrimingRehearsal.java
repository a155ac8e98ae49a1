package dev.parley.chat.wiring;

import dev.parley.chat.adapter.out.memory.InMemoryBroadcastQueue;
import dev.parley.chat.adapter.out.memory.InMemoryBroadcastRecords;
import dev.parley.chat.adapter.out.memory.InMemoryConnectionRegistry;
import dev.parley.chat.adapter.out.memory.InMemoryLimitRegistry;
import dev.parley.chat.adapter.out.memory.InMemoryMessageHistory;
import dev.parley.chat.adapter.out.memory.InMemoryMessagePublisher;
import dev.parley.chat.adapter.out.memory.InMemoryRoomRegistry;
import dev.parley.chat.adapter.out.memory.InMemorySendReceipts;
import dev.parley.chat.domain.model.Broadcast;
import dev.parley.chat.domain.model.BroadcastPage;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.Member;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.port.out.DeliveryResult;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a priming rehearses its function's path: the use cases as production wires them ({@code DomainModule}) over
 * chat-adapters-memory's adapters, each rehearsal on a component of its own, so nothing reaches AWS and nothing is
 * kept. {@link SnapStartPriming#NEVER_CONNECTED} and {@link #PEER} are connected in the lobby (both take every message
 * sent to them, and drop it), {@link #JOINER} is about to connect, and {@link #BROADCAST} is a queued broadcast planned as one page to
 * {@link #PEER}.
 */
public final class PrimingRehearsal {

    /** The rehearsal's other lobby member: it receives what the sender sends. */
    public static final ConnectionId PEER = new ConnectionId("parley-priming-peer");
    /** The connection a rehearsed {@code $connect} opens. */
    public static final ConnectionId JOINER = new ConnectionId("parley-priming-joiner");
    /** The queued broadcast a rehearsed worker sends a page of. */
    public static final MessageId BROADCAST = new MessageId(UUID.fromString("00000000-0000-4000-8000-00000000beef"));

    private PrimingRehearsal() {}

    /** A component of in-memory adapters with {@code configuration}'s settings, and its connections and broadcast. */
    static ChatComponent component(ChatConfiguration configuration) {
        // As SystemClockModule provides it: millisecond ticks of the UTC clock.
        Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
        var connections = new InMemoryConnectionRegistry();
        var rooms = new InMemoryRoomRegistry(connections);
        var publisher = new InMemoryMessagePublisher();
        for (ConnectionId id : new ConnectionId[] {SnapStartPriming.NEVER_CONNECTED, PEER, JOINER}) {
            publisher.open(id, message -> DeliveryResult.delivered());
        }
        for (ConnectionId id : new ConnectionId[] {SnapStartPriming.NEVER_CONNECTED, PEER}) {
            var connection = new Connection(id, new DisplayName("priming"), clock.instant());
            connections.register(connection);
            rooms.join(RoomName.LOBBY, Member.of(connection), RoomLimit.DEFAULT);
        }
        var broadcasts = new InMemoryBroadcastRecords();
        broadcasts.create(new Broadcast(BROADCAST, new MessageText("priming"), clock.instant(), Optional.empty(),
                Optional.empty()));
        broadcasts.plan(BROADCAST, List.of(new BroadcastPage(BROADCAST, 0, List.of(PEER))));
        return SuppliedAdaptersChatComponent.builder()
                .configuration(configuration)
                .connections(connections)
                .rooms(rooms)
                .limits(new InMemoryLimitRegistry())
                .history(InMemoryMessageHistory.forWindow(configuration.history().window(), clock))
                .receipts(new InMemorySendReceipts())
                .publisher(publisher)
                .broadcasts(broadcasts)
                .broadcastQueue(new InMemoryBroadcastQueue())
                .clock(clock)
                .build();
    }
}
