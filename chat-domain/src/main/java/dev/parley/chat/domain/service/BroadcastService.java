package dev.parley.chat.domain.service;

import dev.parley.chat.domain.model.BroadcastMessage;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.PostedText;
import dev.parley.chat.domain.port.in.BroadcastCommand;
import dev.parley.chat.domain.port.in.BroadcastReport;
import dev.parley.chat.domain.port.in.BroadcastUseCase;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.domain.port.out.DeliveryResult.Outcome;
import dev.parley.chat.domain.port.out.LimitRegistry;
import dev.parley.chat.domain.port.out.MessagePublisher;
import dev.parley.chat.domain.port.out.RoomRegistry;
import java.time.Clock;
import java.util.Objects;
import java.util.stream.Stream;

public final class BroadcastService implements BroadcastUseCase {

    private final ConnectionRegistry registry;
    private final RoomRegistry rooms;
    private final MessagePublisher publisher;
    private final Clock clock;
    private final Memberships memberships;

    public BroadcastService(ConnectionRegistry registry, RoomRegistry rooms, MessagePublisher publisher, Clock clock,
            LimitRegistry limits) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.memberships = new Memberships(registry, rooms, publisher, clock, Objects.requireNonNull(limits, "limits"));
    }

    @Override
    public BroadcastReport broadcast(BroadcastCommand command) {
        var message = new BroadcastMessage(MessageId.random(), command.text(), clock.instant(), command.room());
        Stream<ConnectionId> recipients = command.room()
                .map(rooms::members)
                .orElseGet(() -> registry.activeConnections().map(Connection::id));
        var deliveries = publisher.publish(message, recipients);

        registry.recordBroadcast(
                deliveries.recipients(Outcome.DELIVERED), new PostedText(message.text(), message.sentAt(), command.sender()));
        memberships.goneFrom(deliveries);

        int failed = deliveries.count(Outcome.FAILED) + deliveries.count(Outcome.THROTTLED);
        return new BroadcastReport(
                message.id(),
                deliveries.attempted(),
                deliveries.count(Outcome.DELIVERED),
                deliveries.count(Outcome.GONE),
                failed);
    }
}
