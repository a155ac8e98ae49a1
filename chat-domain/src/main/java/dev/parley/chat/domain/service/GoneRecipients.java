package dev.parley.chat.domain.service;

import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.domain.port.out.Deliveries;
import dev.parley.chat.domain.port.out.Delivery;
import java.time.Instant;

/** Marks disconnected the recipients a publish found gone: the ends its deliveries prove, and no others. */
final class GoneRecipients {

    private final ConnectionRegistry registry;

    GoneRecipients(ConnectionRegistry registry) {
        this.registry = registry;
    }

    void markDisconnected(Deliveries deliveries, Instant at) {
        for (Delivery delivery : deliveries.all()) {
            delivery.provenDisconnection(at)
                    .ifPresent(disconnection -> registry.markDisconnected(delivery.recipient(), disconnection));
        }
    }
}
