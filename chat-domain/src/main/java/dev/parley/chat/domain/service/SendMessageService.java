package dev.parley.chat.domain.service;

import dev.parley.chat.domain.model.ChatMessage;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.ConnectionRecord;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.PostedText;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.port.in.SendMessageCommand;
import dev.parley.chat.domain.port.in.SendMessageResult;
import dev.parley.chat.domain.port.in.SendMessageUseCase;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.domain.port.out.DeliveryResult.Outcome;
import dev.parley.chat.domain.port.out.LimitRegistry;
import dev.parley.chat.domain.port.out.MessagePublisher;
import dev.parley.chat.domain.port.out.RoomRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

public final class SendMessageService implements SendMessageUseCase {

    private final ConnectionRegistry registry;
    private final RoomRegistry rooms;
    private final MessagePublisher publisher;
    private final Clock clock;
    private final Memberships memberships;

    public SendMessageService(ConnectionRegistry registry, RoomRegistry rooms, MessagePublisher publisher, Clock clock,
            LimitRegistry limits) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.memberships = new Memberships(registry, rooms, publisher, clock, Objects.requireNonNull(limits, "limits"));
    }

    /** Where a message is to go, or why it cannot. */
    private sealed interface Destination permits Refused, Recipients {}

    /** The addressee cannot be reached: the sender is answered {@code result}; nothing is stored or sent. */
    private record Refused(SendMessageResult result) implements Destination {}

    /** The message's room (none when direct) and its recipients, read when it is sent. */
    private record Recipients(Optional<RoomName> room, Supplier<Stream<ConnectionId>> read) implements Destination {}

    @Override
    public SendMessageResult send(SendMessageCommand command) {
        Optional<ConnectionRecord> sender = activeRecord(command.sender());
        if (sender.isEmpty()) {
            return new SendMessageResult.SenderNotConnected(command.sender());
        }
        Destination destination = destination(command.sender(), command.to());
        if (destination instanceof Refused refused) {
            return refused.result();
        }
        var recipients = (Recipients) destination;
        Connection from = sender.get().connection();
        Instant now = clock.instant();
        var message = new ChatMessage(MessageId.random(), command.sender(), from.displayName(), from.userId(),
                command.text(), now, recipients.room());
        registry.recordMessage(command.sender(), new PostedText(message.text(), now));
        return deliver(message, recipients.read().get());
    }

    /** A room's other members (the sender must be one), one connection, or a user's connections but the sender. */
    private Destination destination(ConnectionId sender, SendMessageCommand.Addressee to) {
        if (to instanceof SendMessageCommand.ToRoom toRoom) {
            RoomName room = toRoom.room();
            if (!rooms.isMember(room, sender)) {
                return new Refused(new SendMessageResult.NotAMember(room));
            }
            return new Recipients(Optional.of(room), () -> rooms.members(room).filter(id -> !id.equals(sender)));
        }
        if (to instanceof SendMessageCommand.ToConnection toConnection) {
            ConnectionId recipient = toConnection.connection();
            if (registry.findActive(recipient).isEmpty()) {
                return new Refused(new SendMessageResult.UnknownRecipient(recipient));
            }
            return new Recipients(Optional.empty(), () -> Stream.of(recipient));
        }
        UserId user = ((SendMessageCommand.ToUser) to).user();
        List<ConnectionId> connections = registry.activeConnectionsOf(user)
                .map(Connection::id)
                .filter(id -> !id.equals(sender))
                .toList();
        if (connections.isEmpty()) {
            return new Refused(new SendMessageResult.UnknownUser(user));
        }
        return new Recipients(Optional.empty(), connections::stream);
    }

    private Optional<ConnectionRecord> activeRecord(ConnectionId id) {
        return registry.find(id).filter(ConnectionRecord::isActive);
    }

    private SendMessageResult deliver(ChatMessage message, Stream<ConnectionId> recipients) {
        var deliveries = publisher.publish(message, recipients);
        memberships.goneFrom(deliveries);
        return new SendMessageResult.Sent(message, deliveries.count(Outcome.DELIVERED));
    }
}
