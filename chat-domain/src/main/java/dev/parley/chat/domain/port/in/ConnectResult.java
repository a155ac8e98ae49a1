package dev.parley.chat.domain.port.in;

import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionLimit;
import java.util.Objects;

/** How a connect ended, for the answer to the handshake. */
public sealed interface ConnectResult permits ConnectResult.Connected, ConnectResult.InvalidName,
        ConnectResult.TooManyConnections {

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

    /** The user has as many connections open as {@code limit} allows; nothing was stored. */
    record TooManyConnections(ConnectionLimit limit) implements ConnectResult {
        public TooManyConnections {
            Objects.requireNonNull(limit, "limit");
        }
    }
}
