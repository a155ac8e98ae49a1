package dev.parley.chat.domain.port.in;

import dev.parley.chat.domain.model.Connection;
import java.util.Objects;

/** How a connect ended, for the answer to the handshake. */
public sealed interface ConnectResult permits ConnectResult.Connected, ConnectResult.InvalidName {

    /** Registered and in the lobby. */
    record Connected(Connection connection) implements ConnectResult {
        public Connected {
            Objects.requireNonNull(connection, "connection");
        }
    }

    /** The requested name hides or reorders text (zero-width or bidirectional characters); nothing was stored. */
    record InvalidName(String reason) implements ConnectResult {
        public InvalidName {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
