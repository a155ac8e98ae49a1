package dev.parley.chat.domain.model;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The connections a user holds a place for, each with the time it opened, as stored at {@code revision} (0: never
 * stored). Every change makes the next revision, and a store applies a change only to the revision it was made from,
 * so two connects of one user that race cannot both take the last place.
 *
 * <p>A place is given back when its connection ends ({@code $disconnect}, or a send finding it gone); one whose end was
 * never reported lapses {@link Connection#MAX_DURATION} after it opened, when the transport has closed it for certain.
 */
public record UserConnections(long revision, Map<ConnectionId, Instant> open) {

    public static final UserConnections NONE = new UserConnections(0, Map.of());

    public UserConnections {
        if (revision < 0) {
            throw new IllegalArgumentException("a revision cannot be negative, not " + revision);
        }
        open = Map.copyOf(Objects.requireNonNull(open, "open connections"));
    }

    /**
     * Whether {@code connection}, opening {@code now}, may have a place: the places still held at {@code now} (lapsed
     * ones are dropped) must be fewer than the limit allows. A connection that holds one already keeps it.
     */
    public ConnectionAdmission admit(ConnectionId connection, Instant now, ConnectionLimit limit) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(limit, "limit");
        Map<ConnectionId, Instant> held = new HashMap<>();
        open.forEach((id, openedAt) -> {
            if (now.isBefore(openedAt.plus(Connection.MAX_DURATION))) {
                held.put(id, openedAt);
            }
        });
        if (!held.containsKey(connection) && held.size() >= limit.maxConnectionsPerUser()) {
            return new ConnectionAdmission.Full(limit);
        }
        held.putIfAbsent(connection, now);
        return new ConnectionAdmission.Admitted(this, new UserConnections(revision + 1, held));
    }

    /** These places without {@code connection}'s; empty when it holds none, so there is nothing to store. */
    public Optional<UserConnections> release(ConnectionId connection) {
        Objects.requireNonNull(connection, "connection");
        if (!open.containsKey(connection)) {
            return Optional.empty();
        }
        Map<ConnectionId, Instant> rest = new HashMap<>(open);
        rest.remove(connection);
        return Optional.of(new UserConnections(revision + 1, rest));
    }

    /** When every place has lapsed, so forgetting them all changes nothing: the store's time to live. */
    public Instant lapsesAt() {
        return open.values().stream().max(Instant::compareTo).orElse(Instant.EPOCH).plus(Connection.MAX_DURATION);
    }
}
