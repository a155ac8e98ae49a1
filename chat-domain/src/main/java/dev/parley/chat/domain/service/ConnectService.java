package dev.parley.chat.domain.service;

import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionAdmission;
import dev.parley.chat.domain.model.ConnectionLimit;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.Member;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.port.in.ConnectCommand;
import dev.parley.chat.domain.port.in.ConnectResult;
import dev.parley.chat.domain.port.in.ConnectUseCase;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.domain.port.out.LimitRegistry;
import dev.parley.chat.domain.port.out.MessagePublisher;
import dev.parley.chat.domain.port.out.RoomRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

public final class ConnectService implements ConnectUseCase {

    private final ConnectionRegistry registry;
    private final Clock clock;
    private final RoomLimit roomLimit;
    private final ConnectionLimit connectionLimit;
    private final ConnectionPlaces places;
    private final Memberships memberships;

    public ConnectService(
            ConnectionRegistry registry, RoomRegistry rooms, MessagePublisher publisher, Clock clock,
            LimitRegistry limits, RoomLimit roomLimit, ConnectionLimit connectionLimit) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.roomLimit = Objects.requireNonNull(roomLimit, "room limit");
        this.connectionLimit = Objects.requireNonNull(connectionLimit, "connection limit");
        this.places = new ConnectionPlaces(Objects.requireNonNull(limits, "limits"));
        this.memberships = new Memberships(registry, Objects.requireNonNull(rooms, "rooms"),
                Objects.requireNonNull(publisher, "publisher"), clock, limits);
    }

    @Override
    public ConnectResult connect(ConnectCommand command) {
        if (command.requestedName().filter(DisplayName::hidesOrReordersText).isPresent()) {
            return new ConnectResult.InvalidName(
                    "a display name must not contain zero-width or bidirectional formatting characters");
        }
        Instant now = clock.instant();
        Optional<UserId> user = command.userId();
        if (user.isPresent() && places.take(user.get(), command.connectionId(), now, connectionLimit)
                instanceof ConnectionAdmission.Full full) {
            return new ConnectResult.TooManyConnections(full.limit());
        }
        var connection = new Connection(
                command.connectionId(),
                DisplayName.requestedOrDefault(command.requestedName(), command.connectionId()),
                now,
                user,
                command.roomAccess());
        try {
            registry.register(connection);
            memberships.join(RoomName.LOBBY, Member.of(connection), roomLimit);
        } catch (RuntimeException failed) {
            // The handshake fails, so no $disconnect will give the place back: it must not be held until it lapses.
            user.ifPresent(holder -> places.giveBack(holder, connection.id()));
            throw failed;
        }
        return new ConnectResult.Connected(connection);
    }
}
