package dev.parley.chat.domain.service;

import dev.parley.chat.domain.model.ConnectionAdmission;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.ConnectionLimit;
import dev.parley.chat.domain.model.UserConnections;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.port.out.LimitRegistry;
import java.time.Instant;
import java.util.Optional;

/** A user's places for open connections: taken at {@code $connect}, given back when the connection is found ended. */
final class ConnectionPlaces {

    /**
     * How often a change re-reads the user's places after losing the race to store it. Each lost race is another
     * connect or end of the same user meanwhile: running out takes that many at once, and a connect is then refused.
     */
    static final int MAX_ATTEMPTS = 10;

    private final LimitRegistry limits;

    ConnectionPlaces(LimitRegistry limits) {
        this.limits = limits;
    }

    /** A place for {@code connection} of {@code user}, opening {@code now}, if {@code limit} leaves one. */
    ConnectionAdmission take(UserId user, ConnectionId connection, Instant now, ConnectionLimit limit) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            ConnectionAdmission admission = limits.connectionsOf(user).admit(connection, now, limit);
            if (!(admission instanceof ConnectionAdmission.Admitted admitted)
                    || limits.replaceConnections(user, admitted.before(), admitted.after())) {
                return admission;
            }
        }
        return new ConnectionAdmission.Full(limit);
    }

    /**
     * Gives {@code connection}'s place back. Should every attempt lose its race, the place lapses on its own once the
     * transport has closed the connection for certain ({@link UserConnections}).
     */
    void giveBack(UserId user, ConnectionId connection) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            UserConnections current = limits.connectionsOf(user);
            Optional<UserConnections> rest = current.release(connection);
            if (rest.isEmpty() || limits.replaceConnections(user, current, rest.get())) {
                return;
            }
        }
    }
}
