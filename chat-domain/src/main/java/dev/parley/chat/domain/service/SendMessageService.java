package dev.parley.chat.domain.service;

import dev.parley.chat.domain.model.ChatMessage;
import dev.parley.chat.domain.model.HistoryPosition;
import dev.parley.chat.domain.model.HistoryWindow;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.ConnectionRecord;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.PostedText;
import dev.parley.chat.domain.model.ResendKey;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.SendReceipt;
import dev.parley.chat.domain.model.StoredMessage;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.port.in.SendMessageCommand;
import dev.parley.chat.domain.port.in.SendMessageResult;
import dev.parley.chat.domain.port.in.SendMessageUseCase;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.domain.port.out.DeliveryResult.Outcome;
import dev.parley.chat.domain.port.out.LimitRegistry;
import dev.parley.chat.domain.port.out.MessageHistory;
import dev.parley.chat.domain.port.out.MessagePublisher;
import dev.parley.chat.domain.port.out.RoomRegistry;
import dev.parley.chat.domain.port.out.SendReceipts;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

public final class SendMessageService implements SendMessageUseCase {

    private final ConnectionRegistry registry;
    private final RoomRegistry rooms;
    private final MessagePublisher publisher;
    private final Clock clock;
    private final Memberships memberships;
    private final MessageHistory history;
    private final SendReceipts receipts;
    private final HistoryWindow window;

    public SendMessageService(ConnectionRegistry registry, RoomRegistry rooms, MessagePublisher publisher, Clock clock,
            LimitRegistry limits, MessageHistory history, SendReceipts receipts, HistoryWindow window) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.memberships = new Memberships(registry, rooms, publisher, clock, Objects.requireNonNull(limits, "limits"));
        this.history = Objects.requireNonNull(history, "history");
        this.receipts = Objects.requireNonNull(receipts, "receipts");
        this.window = Objects.requireNonNull(window, "window");
    }

    /** The message a send is about to make: its id, and the key and receipt that recognise a resend of it, if any. */
    private record Claim(MessageId id, Optional<ResendKey> key, SendReceipt receipt) {}

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
        var id = MessageId.random();
        var claim = new Claim(id, command.clientId().map(clientId -> ResendKey.of(sender.get().connection(), clientId)),
                new SendReceipt(id, clock.instant(), Optional.empty()));
        if (claim.key().isPresent()) {
            Optional<SendReceipt> first = receipts.claim(claim.key().get(), claim.receipt(), claim.receipt().firstSentAt());
            if (first.isPresent()) {
                return new SendMessageResult.AlreadySent(first.get());
            }
        }
        Recorded recorded;
        try {
            recorded = record(command, sender.get().connection(), recipients, claim);
        } catch (RuntimeException notStored) {
            release(claim);
            throw notStored;
        }
        recorded.position().ifPresent(position ->
                claim.key().ifPresent(key -> receipts.settle(key, claim.receipt().storedAt(position))));
        return deliver(recorded.message(), recipients.read().get());
    }

    /** The message recorded, and stored in its room's history at {@code position} when it is a room message. */
    private record Recorded(ChatMessage message, Optional<HistoryPosition> position) {}

    /** Records the message on its sender's row (the seed's columns stay) and, for a room, in its room's history. */
    private Recorded record(SendMessageCommand command, Connection from, Recipients recipients, Claim claim) {
        Instant now = clock.instant();
        registry.recordMessage(command.sender(), new PostedText(command.text(), now));
        var message = new ChatMessage(claim.id(), command.sender(), from.displayName(), from.userId(),
                command.text(), now, recipients.room());
        return recipients.room().isPresent() ? stored(message) : new Recorded(message, Optional.empty());
    }

    /**
     * The room message, given its seq and stored in its room's history. It is sent when allocated (after it, so that
     * seq order is time order for {@link HistoryWindow#catchUp}). A failed write marks the seq void, if it can.
     */
    private Recorded stored(ChatMessage unstored) {
        RoomName room = unstored.room().orElseThrow();
        HistoryPosition position = history.allocate(room, clock.instant());
        Instant sentAt = clock.instant();
        var message = new ChatMessage(unstored.id(), unstored.from(), unstored.senderName(), unstored.senderUserId(),
                unstored.text(), sentAt, unstored.room(), OptionalLong.of(position.seq()));
        try {
            history.store(new StoredMessage(position, message), window.expiresAt(sentAt));
        } catch (RuntimeException failed) {
            try {
                Instant at = clock.instant();
                history.markVoid(room, position, at, window.expiresAt(at));
            } catch (RuntimeException alsoFailed) {
                failed.addSuppressed(alsoFailed);
            }
            throw failed;
        }
        return new Recorded(message, Optional.of(position));
    }

    /** Frees the client's message id of a send that stored nothing, so that its resend is sent. */
    private void release(Claim claim) {
        claim.key().ifPresent(key -> receipts.release(key, claim.id()));
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
