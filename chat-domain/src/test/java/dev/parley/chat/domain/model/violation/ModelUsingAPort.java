package dev.parley.chat.domain.model.violation;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.port.out.ConnectionRegistry;

/** Breaks "the model never depends on ports" on purpose: a fixture for HexagonRulesFireTest alone. */
public final class ModelUsingAPort {

    public boolean isKnown(ConnectionRegistry registry, ConnectionId id) {
        return registry.find(id).isPresent();
    }
}
