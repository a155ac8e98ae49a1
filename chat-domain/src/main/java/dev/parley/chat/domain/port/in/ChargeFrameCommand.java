package dev.parley.chat.domain.port.in;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.PresenceKey;
import dev.parley.chat.domain.model.UserId;
import java.util.Objects;
import java.util.Optional;

/** One frame that arrived on {@code connection}, of {@code user} when the authorizer identified one. */
public record ChargeFrameCommand(ConnectionId connection, Optional<UserId> user) {

    public ChargeFrameCommand {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(user, "user");
    }

    /** Who pays for the frame: the user, all of their connections together, or else the connection alone. */
    public PresenceKey sender() {
        return user.map(PresenceKey::of).orElseGet(() -> PresenceKey.of(connection));
    }
}
