package dev.parley.chat.domain.service;

import dev.parley.chat.domain.model.Disconnection;
import dev.parley.chat.domain.port.in.DisconnectCommand;
import dev.parley.chat.domain.port.in.DisconnectUseCase;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import java.time.Clock;
import java.util.Objects;

public final class DisconnectService implements DisconnectUseCase {

    private final ConnectionRegistry registry;
    private final Clock clock;

    public DisconnectService(ConnectionRegistry registry, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void disconnect(DisconnectCommand command) {
        registry.markDisconnected(command.connectionId(), new Disconnection(clock.instant(), command.reason()));
    }
}
