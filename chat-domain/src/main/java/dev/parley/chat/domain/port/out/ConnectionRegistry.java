package dev.parley.chat.domain.port.out;

import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.ConnectionRecord;
import dev.parley.chat.domain.model.Disconnection;
import dev.parley.chat.domain.model.Posted;
import dev.parley.chat.domain.model.SendAllowance;
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

    /**
     * Records the latest message a registered connection sent and what it has left of its send rate, in one write
     * that happens only while the stored allowance is still {@code before} (empty: none stored yet). That check is
     * what keeps the rate limit across concurrent handler instances: of two sends that read the same allowance, only
     * one gets to record its message.
     *
     * @return true when recorded; false, changing nothing, when the sender is unknown or its allowance is no longer
     *         {@code before} (another message from it was recorded since it was read)
     */
    boolean recordMessage(ConnectionId sender, Posted message, Optional<SendAllowance> before, SendAllowance after);

    /** Records the latest broadcast on every registered connection it reached; unknown ids are ignored. */
    void recordBroadcast(Collection<ConnectionId> reached, Posted broadcast);

    /**
     * Every active connection, each once, read lazily page by page so a broadcast can start sending before the
     * last page is read.
     */
    Stream<Connection> activeConnections();
}
