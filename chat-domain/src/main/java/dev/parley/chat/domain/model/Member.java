package dev.parley.chat.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A connection as the other members of a room see it: its id, the user behind it (when the authorizer identified one)
 * and its name. Presence counts people, not tabs: see {@link #presenceKey()}.
 */
public record Member(ConnectionId connectionId, Optional<UserId> userId, DisplayName name) {

    public Member {
        Objects.requireNonNull(connectionId, "connection id");
        Objects.requireNonNull(userId, "user id");
        Objects.requireNonNull(name, "name");
    }

    public static Member of(Connection connection) {
        return new Member(connection.id(), connection.userId(), connection.displayName());
    }

    /**
     * Who is present: the user when there is one, so that a second tab of the same user is the same presence (Pusher's
     * rule), and the connection otherwise.
     */
    public PresenceKey presenceKey() {
        return userId.map(PresenceKey::of).orElseGet(() -> PresenceKey.of(connectionId));
    }
}
