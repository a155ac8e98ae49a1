package dev.parley.chat.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A connected client, with the user the authorizer identified, if any, and the rooms its token lets it join.
 */
public record Connection(
        ConnectionId id, DisplayName displayName, Instant connectedAt, Optional<UserId> userId, RoomAccess roomAccess) {

    /**
     * How long after it was registered a connection's handshake may still be finishing: the transport refuses sends
     * to a connection that is not open yet as if it were gone, and registering it (and announcing it to the lobby)
     * happens before the handshake ends, which may take as long as the transport lets the connect step run (29 s on
     * API Gateway).
     */
    public static final Duration OPENING_TIME = Duration.ofSeconds(30);

    /** The transport closes every connection this long after it opened (API Gateway's two hours), whatever happens. */
    public static final Duration MAX_DURATION = Duration.ofHours(2);

    public Connection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "display name");
        Objects.requireNonNull(connectedAt, "connected at");
        Objects.requireNonNull(userId, "user id");
        Objects.requireNonNull(roomAccess, "room access");
    }

    /** Whether a send that found this connection gone {@code at} may only have found it not open yet. */
    public boolean mayStillBeOpening(Instant at) {
        return at.isBefore(connectedAt.plus(OPENING_TIME));
    }

    /** A connection that may join every room. */
    public Connection(ConnectionId id, DisplayName displayName, Instant connectedAt, Optional<UserId> userId) {
        this(id, displayName, connectedAt, userId, RoomAccess.EVERY_ROOM);
    }

    /** An anonymous connection: authorization is off, so nobody vouched for who it is. */
    public Connection(ConnectionId id, DisplayName displayName, Instant connectedAt) {
        this(id, displayName, connectedAt, Optional.empty());
    }
}
