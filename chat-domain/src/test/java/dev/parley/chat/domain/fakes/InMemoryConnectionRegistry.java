package dev.parley.chat.domain.fakes;

import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.ConnectionRecord;
import dev.parley.chat.domain.model.Disconnection;
import dev.parley.chat.domain.model.Posted;
import dev.parley.chat.domain.model.SendAllowance;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/** A {@link ConnectionRegistry} in a map: the fake for tests and the reference the contract test is written against. */
public final class InMemoryConnectionRegistry implements ConnectionRegistry {

    private final ConcurrentMap<ConnectionId, ConnectionRecord> records = new ConcurrentHashMap<>();

    @Override
    public void register(Connection connection) {
        records.put(connection.id(), new ConnectionRecord(connection, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()));
    }

    @Override
    public Optional<ConnectionRecord> find(ConnectionId id) {
        return Optional.ofNullable(records.get(id));
    }

    @Override
    public boolean markDisconnected(ConnectionId id, Disconnection disconnection) {
        var changed = new AtomicBoolean();
        records.computeIfPresent(id, (key, current) -> {
            if (!current.isActive()) {
                return current;
            }
            changed.set(true);
            return new ConnectionRecord(current.connection(), Optional.of(disconnection),
                    current.latestMessage(), current.latestBroadcast(), current.sendAllowance());
        });
        return changed.get();
    }

    @Override
    public boolean recordMessage(ConnectionId sender, Posted message, Optional<SendAllowance> before, SendAllowance after) {
        var recorded = new AtomicBoolean();
        records.computeIfPresent(sender, (key, current) -> {
            if (!current.sendAllowance().equals(before)) {
                return current;
            }
            recorded.set(true);
            return new ConnectionRecord(current.connection(), current.disconnection(), Optional.of(message),
                    current.latestBroadcast(), Optional.of(after));
        });
        return recorded.get();
    }

    @Override
    public void recordBroadcast(Collection<ConnectionId> reached, Posted broadcast) {
        for (ConnectionId id : reached) {
            records.computeIfPresent(id, (key, current) -> new ConnectionRecord(current.connection(),
                    current.disconnection(), current.latestMessage(), Optional.of(broadcast), current.sendAllowance()));
        }
    }

    @Override
    public Stream<Connection> activeConnections() {
        return records.values().stream()
                .filter(ConnectionRecord::isActive)
                .map(ConnectionRecord::connection)
                .sorted(Comparator.comparing(connection -> connection.id().value()));
    }
}
