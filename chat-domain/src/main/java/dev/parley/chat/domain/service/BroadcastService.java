package dev.parley.chat.domain.service;

import dev.parley.chat.domain.model.BroadcastMessage;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.PageCounts;
import dev.parley.chat.domain.model.PostedText;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.port.in.BroadcastCommand;
import dev.parley.chat.domain.port.in.BroadcastReport;
import dev.parley.chat.domain.port.in.BroadcastUseCase;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.domain.port.out.LimitRegistry;
import dev.parley.chat.domain.port.out.MessagePublisher;
import dev.parley.chat.domain.port.out.RoomRegistry;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

public final class BroadcastService implements BroadcastUseCase {

    private final ConnectionRegistry registry;
    private final RoomRegistry rooms;
    private final Clock clock;
    private final BroadcastDelivery delivery;

    public BroadcastService(ConnectionRegistry registry, RoomRegistry rooms, MessagePublisher publisher, Clock clock,
            LimitRegistry limits) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.delivery = new BroadcastDelivery(registry, Objects.requireNonNull(publisher, "publisher"),
                new Memberships(registry, rooms, publisher, clock, Objects.requireNonNull(limits, "limits")),
                BroadcastDelivery.WHOLE);
    }

    @Override
    public BroadcastReport broadcast(BroadcastCommand command) {
        return broadcastTo(command, recipientsOf(command.room(), registry, rooms));
    }

    /** Sends {@code command}'s broadcast to {@code recipients}, read already: the inline path of any broadcast. */
    BroadcastReport broadcastTo(BroadcastCommand command, Stream<ConnectionId> recipients) {
        var message = new BroadcastMessage(MessageId.random(), command.text(), clock.instant(), command.room());
        PageCounts counts = delivery.send(
                message, new PostedText(message.text(), message.sentAt(), command.sender()), recipients);
        return new BroadcastReport(message.id(), counts.attempted(), counts.delivered(), counts.gone(), counts.failed());
    }

    /** Whom a broadcast goes to: the {@code room}'s members, or every active connection. */
    static Stream<ConnectionId> recipientsOf(Optional<RoomName> room, ConnectionRegistry registry, RoomRegistry rooms) {
        return room
                .map(rooms::members)
                .orElseGet(() -> registry.activeConnections().map(Connection::id));
    }
}
