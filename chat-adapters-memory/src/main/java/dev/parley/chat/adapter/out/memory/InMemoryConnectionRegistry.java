package dev.parley.chat.adapter.out.memory;

import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.ConnectionRecord;
import dev.parley.chat.domain.model.Disconnection;
import dev.parley.chat.domain.model.PostedText;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A {@link ConnectionRegistry} in a map: the registry of a single-node chat-server and of tests, and the reference the
 * contract test is written against. Each change is the record's own rule, applied inside the map's atomic update of
 * that record.
 */
public final class InMemoryConnectionRegistry implements ConnectionRegistry {

    private final ConcurrentMap<ConnectionId, ConnectionRecord> records = new ConcurrentHashMap<>();

    @Override
    public void register(Connection connection) {
        records.put(connection.id(), ConnectionRecord.registered(connection));
    }

    @Override
    public Optional<ConnectionRecord> find(ConnectionId id) {
        return Optional.ofNullable(records.get(id));
    }

    @Override
    public boolean markDisconnected(ConnectionId id, Disconnection disconnection) {
        return update(id, current -> current.disconnect(disconnection));
    }

    @Override
    public void recordMessage(ConnectionId sender, PostedText message) {
        records.computeIfPresent(sender, (key, current) -> current.recordMessage(message));
    }

    @Override
    public void recordBroadcast(Collection<ConnectionId> reached, PostedText broadcast) {
        for (ConnectionId id : reached) {
            records.computeIfPresent(id, (key, current) -> current.recordBroadcast(broadcast));
        }
    }

    @Override
    public Stream<Connection> activeConnections() {
        return records.values().stream()
                .filter(ConnectionRecord::isActive)
                .map(ConnectionRecord::connection)
                .sorted(Comparator.comparing(connection -> connection.id().value()));
    }

    /** Stores what {@code change} makes of the record; false, storing nothing, when it refuses or the id is unknown. */
    private boolean update(ConnectionId id, Function<ConnectionRecord, Optional<ConnectionRecord>> change) {
        var changed = new AtomicBoolean();
        records.computeIfPresent(id, (key, current) -> {
            Optional<ConnectionRecord> next = change.apply(current);
            changed.set(next.isPresent());
            return next.orElse(current);
        });
        return changed.get();
    }
}
