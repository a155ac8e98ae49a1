package dev.parley.chat.domain.service;

import dev.parley.chat.domain.model.BroadcastMessage;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.PageCounts;
import dev.parley.chat.domain.model.PostedText;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.domain.port.out.DeliveryResult.Outcome;
import dev.parley.chat.domain.port.out.MessagePublisher;
import java.util.stream.Stream;

/**
 * Sending a broadcast message to some recipients, inline or one page of a queued broadcast: the audit trail on each
 * connection reached, and the end of each found gone.
 */
final class BroadcastDelivery {

    private final ConnectionRegistry registry;
    private final MessagePublisher publisher;
    private final Memberships memberships;

    BroadcastDelivery(ConnectionRegistry registry, MessagePublisher publisher, Memberships memberships) {
        this.registry = registry;
        this.publisher = publisher;
        this.memberships = memberships;
    }

    /** Sends {@code message} to each recipient; throttled through every retry counts as failed. */
    PageCounts send(BroadcastMessage message, PostedText posted, Stream<ConnectionId> recipients) {
        var deliveries = publisher.publish(message, recipients);
        registry.recordBroadcast(deliveries.recipients(Outcome.DELIVERED), posted);
        memberships.goneFrom(deliveries);
        return new PageCounts(deliveries.count(Outcome.DELIVERED), deliveries.count(Outcome.GONE),
                deliveries.count(Outcome.FAILED) + deliveries.count(Outcome.THROTTLED));
    }
}
