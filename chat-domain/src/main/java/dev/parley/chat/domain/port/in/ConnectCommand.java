package dev.parley.chat.domain.port.in;

import dev.parley.chat.domain.model.ConnectionId;
import java.util.Objects;
import java.util.Optional;

/** A new connection, with the display name its client asked for, if any. */
public record ConnectCommand(ConnectionId connectionId, Optional<String> requestedName) {

    public ConnectCommand {
        Objects.requireNonNull(connectionId, "connection id");
        Objects.requireNonNull(requestedName, "requested name");
    }
}
