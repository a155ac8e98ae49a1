package dev.parley.chat.domain.service;

import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.Member;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.port.in.ConnectCommand;
import dev.parley.chat.domain.port.in.ConnectResult;
import dev.parley.chat.domain.port.in.ConnectUseCase;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.domain.port.out.MessagePublisher;
import dev.parley.chat.domain.port.out.RoomRegistry;
import java.time.Clock;
import java.util.Objects;

public final class ConnectService implements ConnectUseCase {

    private final ConnectionRegistry registry;
    private final Clock clock;
    private final RoomLimit roomLimit;
    private final Memberships memberships;

    public ConnectService(
            ConnectionRegistry registry, RoomRegistry rooms, MessagePublisher publisher, Clock clock, RoomLimit roomLimit) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.roomLimit = Objects.requireNonNull(roomLimit, "room limit");
        this.memberships = new Memberships(registry, Objects.requireNonNull(rooms, "rooms"),
                Objects.requireNonNull(publisher, "publisher"), clock);
    }

    @Override
    public ConnectResult connect(ConnectCommand command) {
        if (command.requestedName().filter(DisplayName::hidesOrReordersText).isPresent()) {
            return new ConnectResult.InvalidName(
                    "a display name must not contain zero-width or bidirectional formatting characters");
        }
        var connection = new Connection(
                command.connectionId(),
                DisplayName.requestedOrDefault(command.requestedName(), command.connectionId()),
                clock.instant(),
                command.userId(),
                command.roomAccess());
        registry.register(connection);
        memberships.join(RoomName.LOBBY, Member.of(connection), roomLimit);
        return new ConnectResult.Connected(connection);
    }
}
