package dev.parley.chat.adapter.out.memory;

import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisconnectReason;
import dev.parley.chat.domain.model.Disconnection;
import dev.parley.chat.domain.port.out.AbstractRoomRegistryTest;
import dev.parley.chat.domain.port.out.RoomRegistry;
import java.time.Instant;

class InMemoryRoomRegistryTest extends AbstractRoomRegistryTest {

    private InMemoryConnectionRegistry connections;

    @Override
    protected RoomRegistry createEmptyRoomRegistry() {
        connections = new InMemoryConnectionRegistry();
        return new InMemoryRoomRegistry(connections);
    }

    @Override
    protected void register(Connection connection) {
        connections.register(connection);
    }

    @Override
    protected void end(ConnectionId connection) {
        connections.markDisconnected(connection, new Disconnection(Instant.EPOCH, DisconnectReason.closed(1000, "bye")));
    }
}
