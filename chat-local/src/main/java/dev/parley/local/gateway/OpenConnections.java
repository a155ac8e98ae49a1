package dev.parley.local.gateway;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The connections whose handshake completed and that have not ended yet, by id. */
final class OpenConnections {

    private final ConcurrentMap<String, GatewayConnection> byId = new ConcurrentHashMap<>();

    void add(GatewayConnection connection) {
        byId.put(connection.id(), connection);
    }

    void remove(GatewayConnection connection) {
        byId.remove(connection.id(), connection);
    }

    /**
     * The connection, unless the gateway is closing it: its close handshake and {@code $disconnect} may still run,
     * but as on API Gateway, a call after a DELETE or a timeout already finds it gone.
     */
    Optional<GatewayConnection> find(String connectionId) {
        return Optional.ofNullable(byId.get(connectionId)).filter(connection -> !connection.closing());
    }

    List<GatewayConnection> all() {
        return List.copyOf(byId.values());
    }

    int count() {
        return byId.size();
    }
}
