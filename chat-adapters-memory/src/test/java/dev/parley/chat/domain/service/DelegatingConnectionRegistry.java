package dev.parley.chat.domain.service;

import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.ConnectionRecord;
import dev.parley.chat.domain.model.Disconnection;
import dev.parley.chat.domain.model.PostedText;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Stream;

/** A registry that does what the shared one does, for a test to override the one call it watches or breaks. */
class DelegatingConnectionRegistry implements ConnectionRegistry {

    private final ConnectionRegistry shared;

    DelegatingConnectionRegistry(ConnectionRegistry shared) {
        this.shared = shared;
    }

    @Override
    public void register(Connection connection) {
        shared.register(connection);
    }

    @Override
    public Optional<ConnectionRecord> find(ConnectionId id) {
        return shared.find(id);
    }

    @Override
    public boolean markDisconnected(ConnectionId id, Disconnection disconnection) {
        return shared.markDisconnected(id, disconnection);
    }

    @Override
    public void recordMessage(ConnectionId sender, PostedText message) {
        shared.recordMessage(sender, message);
    }

    @Override
    public void recordBroadcast(Collection<ConnectionId> reached, PostedText broadcast) {
        shared.recordBroadcast(reached, broadcast);
    }

    @Override
    public Stream<Connection> activeConnections() {
        return shared.activeConnections();
    }
}
