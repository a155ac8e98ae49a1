package dev.parley.chat.domain.port.out;

import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.ConnectionRecord;
import dev.parley.chat.domain.model.Disconnection;
import dev.parley.chat.domain.model.Posted;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Stream;

/** Where connections and their audit trail are kept. */
public interface ConnectionRegistry {

    /** Records a new active connection. */
    void register(Connection connection);

    /** The connection and its audit trail, active or not; empty when the id was never registered. */
    Optional<ConnectionRecord> find(ConnectionId id);

    /** The connection while it is active. */
    default Optional<Connection> findActive(ConnectionId id) {
        return find(id).filter(ConnectionRecord::isActive).map(ConnectionRecord::connection);
    }

    /**
     * Marks an active connection as ended, keeping its record. Idempotent: the first disconnection is kept,
     * and an unknown id is left unknown.
     *
     * @return true when this call ended the connection
     */
    boolean markDisconnected(ConnectionId id, Disconnection disconnection);

    /** Records the latest message a registered connection sent; an unknown id is ignored. */
    void recordMessage(ConnectionId sender, Posted message);

    /** Records the latest broadcast on every registered connection it reached; unknown ids are ignored. */
    void recordBroadcast(Collection<ConnectionId> reached, Posted broadcast);

    /**
     * Every active connection, each once, read lazily page by page so a broadcast can start sending before the
     * last page is read.
     */
    Stream<Connection> activeConnections();
}
