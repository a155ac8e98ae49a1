package dev.parley.chat.domain.port.out;

import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.ConnectionRecord;
import dev.parley.chat.domain.model.Disconnection;
import dev.parley.chat.domain.model.PostedText;
import dev.parley.chat.domain.model.UserId;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where connections and their audit trail are kept. The rules of how a record changes are {@link ConnectionRecord}'s;
 * a registry stores their outcome, applying each to the record as stored when it writes, so that concurrent
 * instances of the service cannot both pass a rule that only one may.
 */
public interface ConnectionRegistry {

    /** Stores {@link ConnectionRecord#registered} for a new connection. */
    void register(Connection connection);

    /** The connection and its audit trail, active or not; empty when the id was never registered. */
    Optional<ConnectionRecord> find(ConnectionId id);

    /** The connection while it is active. */
    default Optional<Connection> findActive(ConnectionId id) {
        return find(id).filter(ConnectionRecord::isActive).map(ConnectionRecord::connection);
    }

    /**
     * Stores what {@link ConnectionRecord#disconnect} makes of the connection's record. An unknown id is left unknown.
     *
     * @return true when this call ended the connection
     */
    boolean markDisconnected(ConnectionId id, Disconnection disconnection);

    /** Stores {@link ConnectionRecord#recordMessage} on the sender's record; ignores an unknown sender. */
    void recordMessage(ConnectionId sender, PostedText message);

    /** Stores {@link ConnectionRecord#recordBroadcast} on each registered connection reached; ignores unknown ids. */
    void recordBroadcast(Collection<ConnectionId> reached, PostedText broadcast);

    /**
     * Every active connection, each once, read lazily page by page so a broadcast can start sending before the
     * last page is read.
     */
    Stream<Connection> activeConnections();

    /**
     * Every active connection of {@code user}, each once: where a direct message to a person goes. This default reads
     * every active connection; an adapter with an index by user overrides it.
     */
    default Stream<Connection> activeConnectionsOf(UserId user) {
        Optional<UserId> wanted = Optional.of(user);
        return activeConnections().filter(connection -> connection.userId().equals(wanted));
    }
}
