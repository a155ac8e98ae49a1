package dev.parley.chat.domain.service;

import dev.parley.chat.domain.model.Disconnection;
import dev.parley.chat.domain.port.in.DisconnectCommand;
import dev.parley.chat.domain.port.in.DisconnectUseCase;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.domain.port.out.LimitRegistry;
import dev.parley.chat.domain.port.out.MessagePublisher;
import dev.parley.chat.domain.port.out.RoomRegistry;
import java.time.Clock;
import java.util.Objects;

public final class DisconnectService implements DisconnectUseCase {

    private final ConnectionRegistry registry;
    private final Clock clock;
    private final Memberships memberships;

    public DisconnectService(ConnectionRegistry registry, RoomRegistry rooms, MessagePublisher publisher, Clock clock,
            LimitRegistry limits) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.memberships = new Memberships(registry, Objects.requireNonNull(rooms, "rooms"),
                Objects.requireNonNull(publisher, "publisher"), clock, Objects.requireNonNull(limits, "limits"));
    }

    /**
     * Ends the connection, then takes it out of every room and gives back its user's place. Ended first, so no join can slip in after the cleanup;
     * a repeated report of the end finds no rooms left, and one after a crash mid-cleanup finishes it.
     */
    @Override
    public void disconnect(DisconnectCommand command) {
        registry.markDisconnected(command.connectionId(), new Disconnection(clock.instant(), command.reason()));
        memberships.leaveEveryRoom(command.connectionId());
    }
}
