package dev.parley.chat.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A connected client, with the user the authorizer identified, if any, and the rooms its token lets it join.
 */
public record Connection(
        ConnectionId id, DisplayName displayName, Instant connectedAt, Optional<UserId> userId, RoomAccess roomAccess) {

    public Connection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "display name");
        Objects.requireNonNull(connectedAt, "connected at");
        Objects.requireNonNull(userId, "user id");
        Objects.requireNonNull(roomAccess, "room access");
    }

    /** A connection that may join every room. */
    public Connection(ConnectionId id, DisplayName displayName, Instant connectedAt, Optional<UserId> userId) {
        this(id, displayName, connectedAt, userId, RoomAccess.EVERY_ROOM);
    }

    /** An anonymous connection: authorization is off, so nobody vouched for who it is. */
    public Connection(ConnectionId id, DisplayName displayName, Instant connectedAt) {
        this(id, displayName, connectedAt, Optional.empty());
    }
}
