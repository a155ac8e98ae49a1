package dev.parley.chat.domain.service;

import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.port.in.ConnectCommand;
import dev.parley.chat.domain.port.in.ConnectUseCase;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import java.time.Clock;
import java.util.Objects;

public final class ConnectService implements ConnectUseCase {

    private final ConnectionRegistry registry;
    private final Clock clock;

    public ConnectService(ConnectionRegistry registry, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Connection connect(ConnectCommand command) {
        var connection = new Connection(
                command.connectionId(),
                DisplayName.requestedOrDefault(command.requestedName(), command.connectionId()),
                clock.instant(),
                command.userId());
        registry.register(connection);
        return connection;
    }
}
