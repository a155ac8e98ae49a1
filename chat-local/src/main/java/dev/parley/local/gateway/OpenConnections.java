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

    Optional<GatewayConnection> find(String connectionId) {
        return Optional.ofNullable(byId.get(connectionId));
    }

    List<GatewayConnection> all() {
        return List.copyOf(byId.values());
    }

    int count() {
        return byId.size();
    }
}
