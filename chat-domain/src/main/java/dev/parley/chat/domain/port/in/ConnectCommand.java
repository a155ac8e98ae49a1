package dev.parley.chat.domain.port.in;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * A new connection, with the display name its client asked for, if any, and the user the authorizer identified,
 * if authorization is on.
 */
public record ConnectCommand(ConnectionId connectionId, Optional<String> requestedName, Optional<UserId> userId) {

    public ConnectCommand {
        Objects.requireNonNull(connectionId, "connection id");
        Objects.requireNonNull(requestedName, "requested name");
        Objects.requireNonNull(userId, "user id");
    }

    /** An anonymous connection. */
    public ConnectCommand(ConnectionId connectionId, Optional<String> requestedName) {
        this(connectionId, requestedName, Optional.empty());
    }
}
