package dev.parley.chat.domain.service;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisconnectReason;
import dev.parley.chat.domain.model.Disconnection;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.domain.port.out.Deliveries;
import dev.parley.chat.domain.port.out.DeliveryResult.Outcome;
import java.time.Instant;

/**
 * {@code $disconnect} is best effort: a send that answers 410 is the other way to learn a connection is gone.
 * Only the recipients that answered 410 are marked, never anyone else.
 */
final class GoneConnections {

    private final ConnectionRegistry registry;

    GoneConnections(ConnectionRegistry registry) {
        this.registry = registry;
    }

    void markDisconnected(Deliveries deliveries, Instant at) {
        var disconnection = new Disconnection(at, DisconnectReason.gone());
        for (ConnectionId gone : deliveries.recipients(Outcome.GONE)) {
            registry.markDisconnected(gone, disconnection);
        }
    }
}
