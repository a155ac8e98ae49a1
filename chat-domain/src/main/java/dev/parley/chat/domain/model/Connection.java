package dev.parley.chat.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A client connected through the WebSocket API, with the user the authorizer identified, if any. */
public record Connection(ConnectionId id, DisplayName displayName, Instant connectedAt, Optional<UserId> userId) {

    public Connection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "display name");
        Objects.requireNonNull(connectedAt, "connected at");
        Objects.requireNonNull(userId, "user id");
    }

    /** An anonymous connection: authorization is off, so nobody vouched for who it is. */
    public Connection(ConnectionId id, DisplayName displayName, Instant connectedAt) {
        this(id, displayName, connectedAt, Optional.empty());
    }
}
