package dev.parley.chat.adapter.in.lambda;

import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.ConnectionRecord;
import dev.parley.chat.domain.model.Disconnection;
import dev.parley.chat.domain.model.PostedText;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads go to the real store; every write fails, as when the table is unreachable mid-request. */
final class FailingConnectionRegistry implements ConnectionRegistry {

    private final ConnectionRegistry reads;

    FailingConnectionRegistry(ConnectionRegistry reads) {
        this.reads = reads;
    }

    @Override
    public void register(Connection connection) {
        throw unavailable();
    }

    @Override
    public Optional<ConnectionRecord> find(ConnectionId id) {
        return reads.find(id);
    }

    @Override
    public boolean markDisconnected(ConnectionId id, Disconnection disconnection) {
        throw unavailable();
    }

    @Override
    public void recordMessage(ConnectionId sender, PostedText message) {
        throw unavailable();
    }

    @Override
    public void recordBroadcast(Collection<ConnectionId> reached, PostedText broadcast) {
        throw unavailable();
    }

    @Override
    public Stream<Connection> activeConnections() {
        return reads.activeConnections();
    }

    private static IllegalStateException unavailable() {
        return new IllegalStateException("table unavailable");
    }
}
