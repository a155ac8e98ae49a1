package dev.parley.chat.domain.service;

import dev.parley.chat.domain.model.ChatMessage;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.ConnectionRecord;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.Posted;
import dev.parley.chat.domain.model.SendAllowance;
import dev.parley.chat.domain.model.SendDecision;
import dev.parley.chat.domain.model.SendRateLimit;
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
    private final SendRateLimit rateLimit;
    private final GoneConnections goneConnections;

    public SendMessageService(ConnectionRegistry registry, MessagePublisher publisher, Clock clock, SendRateLimit rateLimit) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rateLimit = Objects.requireNonNull(rateLimit, "rate limit");
        this.goneConnections = new GoneConnections(registry);
    }

    @Override
    public SendMessageResult send(SendMessageCommand command) {
        Optional<ConnectionRecord> sender = activeRecord(command.sender());
        if (sender.isEmpty()) {
            return new SendMessageResult.SenderNotConnected(command.sender());
        }
        Optional<ConnectionId> recipient = command.recipient();
        if (recipient.isPresent() && registry.findActive(recipient.get()).isEmpty()) {
            return new SendMessageResult.UnknownRecipient(recipient.get());
        }

        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            SendDecision decision = rateLimit.take(sender.get().sendAllowance(), now);
            if (decision instanceof SendDecision.Refused refused) {
                return new SendMessageResult.RateLimited(refused.retryAfter());
            }
            SendAllowance after = ((SendDecision.Allowed) decision).after();
            var message = new ChatMessage(MessageId.random(), command.sender(), sender.get().connection().displayName(),
                    command.text(), now, recipient.isPresent());
            if (registry.recordMessage(command.sender(), new Posted(message.text(), now), sender.get().sendAllowance(), after)) {
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
        goneConnections.markDisconnected(deliveries, clock.instant());
        return new SendMessageResult.Sent(message, deliveries.count(Outcome.DELIVERED));
    }
}
