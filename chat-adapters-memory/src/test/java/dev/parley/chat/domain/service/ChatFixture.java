package dev.parley.chat.domain.service;

import dev.parley.chat.domain.fakes.AdjustableClock;
import dev.parley.chat.adapter.out.memory.InMemoryConnectionRegistry;
import dev.parley.chat.adapter.out.memory.InMemoryLimitRegistry;
import dev.parley.chat.adapter.out.memory.InMemoryMessageHistory;
import dev.parley.chat.adapter.out.memory.InMemoryRoomRegistry;
import dev.parley.chat.adapter.out.memory.InMemorySendReceipts;
import dev.parley.chat.domain.fakes.RecordingMessagePublisher;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.ConnectionRecord;
import dev.parley.chat.domain.model.DisconnectReason;
import dev.parley.chat.domain.model.Disconnection;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.HistoryWindow;
import dev.parley.chat.domain.model.Member;
import dev.parley.chat.domain.model.PresenceEvent;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.domain.port.out.RoomRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The in-memory registries, publisher, history and receipts, a clock stopped at {@link #NOW} until a test moves it, and shortcuts to put
 * connections in place, in the rooms as the services would have left them, with nothing announced.
 */
final class ChatFixture {

    static final Instant NOW = Instant.parse("2026-11-25T10:15:30.123Z");
    static final Instant CONNECTED_AT = NOW.minusSeconds(300);
    /** How the connections set up as disconnected ended, well before {@link #NOW}. */
    static final Disconnection EARLIER_DISCONNECTION =
            new Disconnection(CONNECTED_AT.plusSeconds(60), DisconnectReason.closed(1001, "going away"));

    final InMemoryConnectionRegistry registry = new InMemoryConnectionRegistry();
    final InMemoryRoomRegistry rooms = new InMemoryRoomRegistry(registry);
    final RecordingMessagePublisher publisher = new RecordingMessagePublisher();
    final InMemorySendReceipts receipts = new InMemorySendReceipts();
    final AdjustableClock clock = new AdjustableClock(NOW);
    final InMemoryMessageHistory history = InMemoryMessageHistory.forWindow(HistoryWindow.DEFAULT, clock);
    final InMemoryLimitRegistry limits = new InMemoryLimitRegistry();

    /** Sending through {@code registry} (this fixture's or one wrapping it), with its history. */
    SendMessageService sendService(ConnectionRegistry registry) {
        return new SendMessageService(registry, rooms, publisher, clock, limits, history, receipts,
                HistoryWindow.DEFAULT);
    }

    /** Joining through {@code roomRegistry} (this fixture's or one wrapping it), up to {@code limit}, with its history. */
    JoinRoomService joinService(RoomRegistry roomRegistry, RoomLimit limit) {
        return new JoinRoomService(registry, roomRegistry, publisher, clock, limits, limit, history,
                HistoryWindow.DEFAULT);
    }

    /** A registered, active, anonymous connection named {@code name}, in the lobby. */
    Connection active(String name) {
        return active(new Connection(idOf(name), new DisplayName(name), CONNECTED_AT));
    }

    /** A registered, active, anonymous connection named {@code name}, registered {@code at}, in the lobby. */
    Connection activeSince(String name, Instant at) {
        return active(new Connection(idOf(name), new DisplayName(name), at));
    }

    /** A registered, active connection of {@code user} named {@code name}, in the lobby. */
    Connection active(String name, UserId user) {
        return active(new Connection(idOf(name), new DisplayName(name), CONNECTED_AT, Optional.of(user)));
    }

    private Connection active(Connection connection) {
        registered(connection);
        join(connection, RoomName.LOBBY);
        return connection;
    }

    /** {@code connection} registered, active and in no room. */
    Connection registered(Connection connection) {
        registry.register(connection);
        return connection;
    }

    /** A registered connection named {@code name} that ended with {@link #EARLIER_DISCONNECTION} and left its rooms. */
    Connection disconnected(String name) {
        var connection = active(name);
        registry.markDisconnected(connection.id(), EARLIER_DISCONNECTION);
        rooms.roomsOf(connection.id()).forEach(room -> rooms.leave(room, Member.of(connection)));
        return connection;
    }

    /** {@code connection} joins {@code room}, unannounced. */
    void join(Connection connection, RoomName room) {
        if (!(rooms.join(room, Member.of(connection), RoomLimit.DEFAULT) instanceof RoomRegistry.Joined)) {
            throw new IllegalStateException(connection.displayName() + " could not join " + room);
        }
    }

    /**
     * Every presence event sent, one per recipient, as {@code "JOIN games Alice (2) -> Bob"}: kind, room, member's
     * name, the room's presences after it, and the recipient's name.
     */
    List<String> announcements() {
        return publisher.sent().stream()
                .filter(sent -> sent.message() instanceof PresenceEvent)
                .map(sent -> {
                    var event = (PresenceEvent) sent.message();
                    return event.kind() + " " + event.room() + " " + event.member().name() + " (" + event.count()
                            + ") -> " + nameOf(sent.recipient());
                })
                .toList();
    }

    ConnectionRecord recordOf(Connection connection) {
        return registry.find(connection.id()).orElseThrow();
    }

    /** A distinct id in API Gateway's format for each name, so failures name the connection they are about. */
    static ConnectionId idOf(String name) {
        return new ConnectionId(Base64.getEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8)));
    }

    /** The name {@link #idOf} made {@code id} of. */
    static String nameOf(ConnectionId id) {
        return new String(Base64.getDecoder().decode(id.value()), StandardCharsets.UTF_8);
    }
}
