package dev.parley.chat.domain.port.in;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisconnectReason;
import java.util.Objects;

/** The end of a connection and why it ended. */
public record DisconnectCommand(ConnectionId connectionId, DisconnectReason reason) {

    public DisconnectCommand {
        Objects.requireNonNull(connectionId, "connection id");
        Objects.requireNonNull(reason, "reason");
    }
}
