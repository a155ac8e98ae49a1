package dev.parley.chat.architecture.violations.handlerusesoutputport.adapter.in.lambda;

import dev.parley.chat.architecture.violations.handlerusesoutputport.domain.port.out.ConnectionRegistry;

/** Breaks "inbound adapters never depend on output ports": it drives the registry, not a use case. */
public final class RegistryDrivingDisconnectHandler {

    private final ConnectionRegistry registry;

    public RegistryDrivingDisconnectHandler(ConnectionRegistry registry) {
        this.registry = registry;
    }

    public void handle(String connectionId) {
        registry.remove(connectionId);
    }
}
