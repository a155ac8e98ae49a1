package dev.parley.chat.domain.service;

import dev.parley.chat.domain.fakes.AdjustableClock;
import dev.parley.chat.domain.fakes.InMemoryConnectionRegistry;
import dev.parley.chat.domain.fakes.RecordingMessagePublisher;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.ConnectionRecord;
import dev.parley.chat.domain.model.DisconnectReason;
import dev.parley.chat.domain.model.Disconnection;
import dev.parley.chat.domain.model.DisplayName;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The in-memory registry and publisher, a clock stopped at {@link #NOW} until a test moves it, and shortcuts to put
 * connections in place.
 */
final class ChatFixture {

    static final Instant NOW = Instant.parse("2026-11-25T10:15:30.123Z");
    static final Instant CONNECTED_AT = NOW.minusSeconds(300);
    /** How the connections set up as disconnected ended, well before {@link #NOW}. */
    static final Disconnection EARLIER_DISCONNECTION =
            new Disconnection(CONNECTED_AT.plusSeconds(60), DisconnectReason.closed(1001, "going away"));

    final InMemoryConnectionRegistry registry = new InMemoryConnectionRegistry();
    final RecordingMessagePublisher publisher = new RecordingMessagePublisher();
    final AdjustableClock clock = new AdjustableClock(NOW);

    /** A registered, active connection named {@code name}. */
    Connection active(String name) {
        var connection = new Connection(idOf(name), new DisplayName(name), CONNECTED_AT);
        registry.register(connection);
        return connection;
    }

    /** A registered connection named {@code name} that ended with {@link #EARLIER_DISCONNECTION}. */
    Connection disconnected(String name) {
        var connection = active(name);
        registry.markDisconnected(connection.id(), EARLIER_DISCONNECTION);
        return connection;
    }

    ConnectionRecord recordOf(Connection connection) {
        return registry.find(connection.id()).orElseThrow();
    }

    /** A distinct id in API Gateway's format for each name, so failures name the connection they are about. */
    static ConnectionId idOf(String name) {
        return new ConnectionId(Base64.getEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8)));
    }
}
