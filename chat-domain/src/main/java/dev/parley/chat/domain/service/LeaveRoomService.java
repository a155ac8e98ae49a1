package dev.parley.chat.domain.service;

import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.Member;
import dev.parley.chat.domain.port.in.LeaveRoomCommand;
import dev.parley.chat.domain.port.in.LeaveRoomUseCase;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.domain.port.out.LimitRegistry;
import dev.parley.chat.domain.port.out.MessagePublisher;
import dev.parley.chat.domain.port.out.RoomRegistry;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

public final class LeaveRoomService implements LeaveRoomUseCase {

    private final ConnectionRegistry registry;
    private final Memberships memberships;

    public LeaveRoomService(ConnectionRegistry registry, RoomRegistry rooms, MessagePublisher publisher, Clock clock,
            LimitRegistry limits) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.memberships = new Memberships(registry, Objects.requireNonNull(rooms, "rooms"),
                Objects.requireNonNull(publisher, "publisher"), Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(limits, "limits"));
    }

    @Override
    public boolean leave(LeaveRoomCommand command) {
        Optional<Connection> connection = registry.findActive(command.connection());
        connection.ifPresent(leaving -> memberships.leave(command.room(), Member.of(leaving)));
        return connection.isPresent();
    }
}
