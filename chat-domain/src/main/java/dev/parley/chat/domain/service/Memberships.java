package dev.parley.chat.domain.service;

import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.ConnectionRecord;
import dev.parley.chat.domain.model.Member;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.PresenceChange;
import dev.parley.chat.domain.model.PresenceEvent;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.domain.port.out.Deliveries;
import dev.parley.chat.domain.port.out.Delivery;
import dev.parley.chat.domain.port.out.LimitRegistry;
import dev.parley.chat.domain.port.out.MessagePublisher;
import dev.parley.chat.domain.port.out.RoomRegistry;
import dev.parley.chat.domain.port.out.RoomRegistry.JoinOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Joins and leaves that the rooms hear of: a presence that begins or ends is announced to the room's other members,
 * in rooms small enough to tell ({@link PresenceChange#announced()}).
 * Recipients a send finds gone ({@code 410}) are marked disconnected and leave every room, as at {@code $disconnect}.
 * Those leaves' announcements may find more recipients gone; each is handled once per run, so the cleanup ends.
 */
final class Memberships {

    private final ConnectionRegistry connections;
    private final RoomRegistry rooms;
    private final MessagePublisher publisher;
    private final Clock clock;
    private final ConnectionPlaces places;

    Memberships(ConnectionRegistry connections, RoomRegistry rooms, MessagePublisher publisher, Clock clock,
            LimitRegistry limits) {
        this.connections = connections;
        this.rooms = rooms;
        this.publisher = publisher;
        this.clock = clock;
        this.places = new ConnectionPlaces(limits);
    }

    /** {@code member} joins {@code room}; the room's other members hear of it if its presence began. */
    JoinOutcome join(RoomName room, Member member, RoomLimit limit) {
        JoinOutcome outcome = rooms.join(room, member, limit);
        if (outcome instanceof RoomRegistry.Joined joined) {
            goneFrom(announce(room, PresenceEvent.Kind.JOIN, member, joined.presence()));
        }
        return outcome;
    }

    /** {@code member} leaves {@code room}; the members left hear of it if its presence ended. */
    Optional<PresenceChange> leave(RoomName room, Member member) {
        Optional<PresenceChange> change = rooms.leave(room, member);
        change.ifPresent(left -> goneFrom(announce(room, PresenceEvent.Kind.LEAVE, member, left)));
        return change;
    }

    /** The ended connection leaves every room it is still in, and gives back its user's place. */
    void leaveEveryRoom(ConnectionId ended) {
        var cleanup = new Cleanup();
        cleanup.add(ended);
        cleanup.run();
    }

    /**
     * Marks disconnected each recipient {@code deliveries} found gone, takes it out of its rooms and gives back its
     * user's place: the end of a connection whose {@code $disconnect} never came.
     */
    void goneFrom(Deliveries deliveries) {
        var cleanup = new Cleanup();
        cleanup.found(deliveries);
        cleanup.run();
    }

    private Deliveries announce(RoomName room, PresenceEvent.Kind kind, Member member, PresenceChange change) {
        if (!change.announced()) {
            return new Deliveries(List.of());
        }
        var event = new PresenceEvent(MessageId.random(), room, kind, member, change.count(), clock.instant());
        return publisher.publish(event, rooms.members(room).filter(id -> !id.equals(member.connectionId())));
    }

    /** The connections one run takes out of their rooms, each once however often announcements find it gone. */
    private final class Cleanup {

        private final Deque<ConnectionId> pending = new ArrayDeque<>();
        private final Set<ConnectionId> seen = new HashSet<>();

        void add(ConnectionId connection) {
            if (seen.add(connection)) {
                pending.add(connection);
            }
        }

        void found(Deliveries deliveries) {
            Instant at = clock.instant();
            for (Delivery delivery : deliveries.all()) {
                delivery.provenDisconnection(at)
                        .filter(disconnection -> isSurelyOpenedBy(delivery.recipient(), at))
                        .filter(disconnection -> seen.add(delivery.recipient()))
                        .ifPresent(disconnection -> {
                            connections.markDisconnected(delivery.recipient(), disconnection);
                            pending.add(delivery.recipient());
                        });
            }
        }

        /** A connection found gone while it may still be opening proves nothing: it is left alone. */
        private boolean isSurelyOpenedBy(ConnectionId recipient, Instant at) {
            return connections.find(recipient)
                    .map(record -> !record.connection().mayStillBeOpening(at))
                    .orElse(true);
        }

        void run() {
            while (!pending.isEmpty()) {
                ConnectionId connection = pending.remove();
                Optional<Connection> ended = connections.find(connection).map(ConnectionRecord::connection);
                ended.flatMap(Connection::userId).ifPresent(user -> places.giveBack(user, connection));
                Optional<Member> member = ended.map(Member::of);
                member.ifPresent(leaving -> rooms.roomsOf(connection).forEach(room -> rooms.leave(room, leaving)
                        .ifPresent(left -> found(announce(room, PresenceEvent.Kind.LEAVE, leaving, left)))));
            }
        }
    }
}
