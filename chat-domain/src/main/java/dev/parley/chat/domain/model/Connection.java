package dev.parley.chat.domain.model;

import java.time.Instant;
import java.util.Objects;

/** A client connected through the WebSocket API. */
public record Connection(ConnectionId id, DisplayName displayName, Instant connectedAt) {

    public Connection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "display name");
        Objects.requireNonNull(connectedAt, "connected at");
    }
}
