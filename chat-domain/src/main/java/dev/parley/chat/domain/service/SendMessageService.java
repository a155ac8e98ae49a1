package dev.parley.chat.domain.service;

import dev.parley.chat.domain.model.ChatMessage;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.Posted;
import dev.parley.chat.domain.port.in.SendMessageCommand;
import dev.parley.chat.domain.port.in.SendMessageResult;
import dev.parley.chat.domain.port.in.SendMessageUseCase;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.domain.port.out.DeliveryResult.Outcome;
import dev.parley.chat.domain.port.out.MessagePublisher;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

public final class SendMessageService implements SendMessageUseCase {

    private final ConnectionRegistry registry;
    private final MessagePublisher publisher;
    private final Clock clock;
    private final GoneConnections goneConnections;

    public SendMessageService(ConnectionRegistry registry, MessagePublisher publisher, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.goneConnections = new GoneConnections(registry);
    }

    @Override
    public SendMessageResult send(SendMessageCommand command) {
        Optional<Connection> sender = registry.findActive(command.sender());
        if (sender.isEmpty()) {
            return new SendMessageResult.SenderNotConnected(command.sender());
        }
        Optional<ConnectionId> recipient = command.recipient();
        if (recipient.isPresent() && registry.findActive(recipient.get()).isEmpty()) {
            return new SendMessageResult.UnknownRecipient(recipient.get());
        }

        var message = new ChatMessage(
                MessageId.random(),
                command.sender(),
                sender.get().displayName(),
                command.text(),
                clock.instant(),
                recipient.isPresent());
        registry.recordMessage(command.sender(), new Posted(message.text(), message.sentAt()));

        Stream<ConnectionId> recipients = recipient.map(Stream::of).orElseGet(() -> registry.activeConnections()
                .map(Connection::id)
                .filter(id -> !id.equals(command.sender())));
        var deliveries = publisher.publish(message, recipients);
        goneConnections.markDisconnected(deliveries, clock.instant());
        return new SendMessageResult.Sent(message, deliveries.count(Outcome.DELIVERED));
    }
}
