package dev.parley.chat.domain.model;

import java.util.Objects;

/**
 * One presence in a room: a user (all of their connections together) or an anonymous connection. The two kinds
 * never collide, whatever their ids look like.
 */
public record PresenceKey(String value) {

    private static final String USER = "user:";
    private static final String CONNECTION = "connection:";

    public PresenceKey {
        Objects.requireNonNull(value, "presence key");
        if (!value.startsWith(USER) && !value.startsWith(CONNECTION)) {
            throw new IllegalArgumentException("a presence key names a user or a connection, not '" + value + "'");
        }
    }

    public static PresenceKey of(UserId user) {
        return new PresenceKey(USER + user.value());
    }

    public static PresenceKey of(ConnectionId connection) {
        return new PresenceKey(CONNECTION + connection.value());
    }
}
