package dev.parley.chat.domain.service;

import dev.parley.chat.domain.model.BroadcastMessage;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.PostedText;
import dev.parley.chat.domain.port.in.BroadcastCommand;
import dev.parley.chat.domain.port.in.BroadcastReport;
import dev.parley.chat.domain.port.in.BroadcastUseCase;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.domain.port.out.DeliveryResult.Outcome;
import dev.parley.chat.domain.port.out.MessagePublisher;
import java.time.Clock;
import java.util.Objects;

public final class BroadcastService implements BroadcastUseCase {

    private final ConnectionRegistry registry;
    private final MessagePublisher publisher;
    private final Clock clock;
    private final GoneRecipients goneRecipients;

    public BroadcastService(ConnectionRegistry registry, MessagePublisher publisher, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.goneRecipients = new GoneRecipients(registry);
    }

    @Override
    public BroadcastReport broadcast(BroadcastCommand command) {
        var message = new BroadcastMessage(MessageId.random(), command.text(), clock.instant());
        var deliveries = publisher.publish(message, registry.activeConnections().map(Connection::id));

        registry.recordBroadcast(
                deliveries.recipients(Outcome.DELIVERED), new PostedText(message.text(), message.sentAt()));
        goneRecipients.markDisconnected(deliveries, clock.instant());

        int failed = deliveries.count(Outcome.FAILED) + deliveries.count(Outcome.THROTTLED);
        return new BroadcastReport(
                message.id(),
                deliveries.attempted(),
                deliveries.count(Outcome.DELIVERED),
                deliveries.count(Outcome.GONE),
                failed);
    }
}
