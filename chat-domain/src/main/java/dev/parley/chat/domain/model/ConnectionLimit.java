package dev.parley.chat.domain.model;

/**
 * How many connections one user may have open at once: each costs a share of every message sent to the rooms it is
 * in, and a token holder must not be able to open connections until nobody else can.
 */
public record ConnectionLimit(int maxConnectionsPerUser) {

    public static final int DEFAULT_MAX_CONNECTIONS = 5;
    public static final int MAX_CONNECTIONS = 1_000;
    public static final ConnectionLimit DEFAULT = new ConnectionLimit(DEFAULT_MAX_CONNECTIONS);

    public ConnectionLimit {
        requireValidMaxConnections(maxConnectionsPerUser);
    }

    public static int requireValidMaxConnections(int maxConnections) {
        if (maxConnections < 1 || maxConnections > MAX_CONNECTIONS) {
            throw new IllegalArgumentException("the connections a user may have open at once must be 1 to "
                    + MAX_CONNECTIONS + ", not " + maxConnections);
        }
        return maxConnections;
    }
}
