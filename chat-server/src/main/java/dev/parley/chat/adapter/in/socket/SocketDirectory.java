package dev.parley.chat.adapter.in.socket;

import dev.parley.chat.domain.model.ConnectionId;

/** Where the sockets say they are, so what the use cases send a connection reaches its socket's outbox. */
public interface SocketDirectory {

    /** Messages to {@code connection} go to {@code outbox} from now on. */
    void attach(ConnectionId connection, SocketOutbox outbox);

    /** {@code connection} is gone from now on. */
    void detach(ConnectionId connection);
}
