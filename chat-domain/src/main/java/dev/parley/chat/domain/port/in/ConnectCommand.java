package dev.parley.chat.domain.port.in;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.RoomAccess;
import dev.parley.chat.domain.model.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * A new connection, with the display name its client asked for, if any, and, if authorization is on, the user the
 * authorizer identified and the rooms its token admits.
 */
public record ConnectCommand(
        ConnectionId connectionId, Optional<String> requestedName, Optional<UserId> userId, RoomAccess roomAccess) {

    public ConnectCommand {
        Objects.requireNonNull(connectionId, "connection id");
        Objects.requireNonNull(requestedName, "requested name");
        Objects.requireNonNull(userId, "user id");
        Objects.requireNonNull(roomAccess, "room access");
    }

    /** A connection that may join every room. */
    public ConnectCommand(ConnectionId connectionId, Optional<String> requestedName, Optional<UserId> userId) {
        this(connectionId, requestedName, userId, RoomAccess.EVERY_ROOM);
    }

    /** An anonymous connection. */
    public ConnectCommand(ConnectionId connectionId, Optional<String> requestedName) {
        this(connectionId, requestedName, Optional.empty());
    }
}
