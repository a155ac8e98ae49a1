package dev.parley.chat.domain.service;

import dev.parley.chat.domain.model.ChatMessage;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.ConnectionRecord;
import dev.parley.chat.domain.model.MessageDecision;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.MessageRateLimit;
import dev.parley.chat.domain.model.PostedText;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.port.in.SendMessageCommand;
import dev.parley.chat.domain.port.in.SendMessageResult;
import dev.parley.chat.domain.port.in.SendMessageUseCase;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.domain.port.out.DeliveryResult.Outcome;
import dev.parley.chat.domain.port.out.MessagePublisher;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

public final class SendMessageService implements SendMessageUseCase {

    /**
     * How often a send re-reads its sender's allowance after losing the race to record a message. Each lost race
     * means another message from the same connection was recorded meanwhile, so running out takes that many of its
     * messages in flight at once: the connection is flooding, and is told to slow down.
     */
    static final int MAX_ATTEMPTS = 10;

    private final ConnectionRegistry registry;
    private final MessagePublisher publisher;
    private final Clock clock;
    private final MessageRateLimit rateLimit;
    private final GoneRecipients goneRecipients;

    public SendMessageService(
            ConnectionRegistry registry, MessagePublisher publisher, Clock clock, MessageRateLimit rateLimit) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rateLimit = Objects.requireNonNull(rateLimit, "rate limit");
        this.goneRecipients = new GoneRecipients(registry);
    }

    @Override
    public SendMessageResult send(SendMessageCommand command) {
        Optional<ConnectionRecord> sender = activeRecord(command.sender());
        if (sender.isEmpty()) {
            return new SendMessageResult.SenderNotConnected(command.sender());
        }
        Optional<ConnectionId> recipient = command.to() instanceof SendMessageCommand.ToConnection direct
                ? Optional.of(direct.connection()) : Optional.empty();
        if (recipient.isPresent() && registry.findActive(recipient.get()).isEmpty()) {
            return new SendMessageResult.UnknownRecipient(recipient.get());
        }

        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            MessageDecision decision = rateLimit.take(sender.get().messageAllowance(), now);
            if (decision instanceof MessageDecision.Refused refused) {
                return new SendMessageResult.RateLimited(refused.retryAfter());
            }
            var taken = (MessageDecision.Allowed) decision;
            var message = new ChatMessage(MessageId.random(), command.sender(), sender.get().connection().displayName(),
                    sender.get().connection().userId(), command.text(), now,
                    recipient.isPresent() ? Optional.empty() : Optional.of(RoomName.LOBBY));
            if (registry.recordMessage(command.sender(), new PostedText(message.text(), now), taken)) {
                return deliver(message, recipient);
            }
            sender = activeRecord(command.sender());
            if (sender.isEmpty()) {
                return new SendMessageResult.SenderNotConnected(command.sender());
            }
        }
        return new SendMessageResult.RateLimited(rateLimit.interval());
    }

    private Optional<ConnectionRecord> activeRecord(ConnectionId id) {
        return registry.find(id).filter(ConnectionRecord::isActive);
    }

    private SendMessageResult deliver(ChatMessage message, Optional<ConnectionId> recipient) {
        Stream<ConnectionId> recipients = recipient.map(Stream::of).orElseGet(() -> registry.activeConnections()
                .map(Connection::id)
                .filter(id -> !id.equals(message.from())));
        var deliveries = publisher.publish(message, recipients);
        goneRecipients.markDisconnected(deliveries, clock.instant());
        return new SendMessageResult.Sent(message, deliveries.count(Outcome.DELIVERED));
    }
}
