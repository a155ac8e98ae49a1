package dev.parley.chat.domain.service;

import dev.parley.chat.domain.model.Catchup;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.HistoryHead;
import dev.parley.chat.domain.model.HistoryWindow;
import dev.parley.chat.domain.model.Member;
import dev.parley.chat.domain.model.MemberPage;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.domain.model.RoomCatchup;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.port.in.JoinRoomCommand;
import dev.parley.chat.domain.port.in.JoinRoomResult;
import dev.parley.chat.domain.port.in.JoinRoomUseCase;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.domain.port.out.LimitRegistry;
import dev.parley.chat.domain.port.out.MessageHistory;
import dev.parley.chat.domain.port.out.MessagePublisher;
import dev.parley.chat.domain.port.out.RoomRegistry;
import dev.parley.chat.domain.port.out.RoomRegistry.JoinOutcome;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

public final class JoinRoomService implements JoinRoomUseCase {

    private final ConnectionRegistry registry;
    private final RoomRegistry rooms;
    private final RoomLimit roomLimit;
    private final Memberships memberships;
    private final MessageHistory history;
    private final Histories histories;
    private final Clock clock;
    private final MessagePublisher publisher;

    public JoinRoomService(
            ConnectionRegistry registry, RoomRegistry rooms, MessagePublisher publisher, Clock clock,
            LimitRegistry limits, RoomLimit roomLimit, MessageHistory history, HistoryWindow window) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.roomLimit = Objects.requireNonNull(roomLimit, "room limit");
        this.memberships = new Memberships(registry, rooms, Objects.requireNonNull(publisher, "publisher"),
                Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(limits, "limits"));
        this.history = Objects.requireNonNull(history, "history");
        this.histories = new Histories(history, window);
        this.clock = clock;
        this.publisher = publisher;
    }

    @Override
    public JoinRoomResult join(JoinRoomCommand command) {
        RoomName room = command.room();
        Optional<Connection> connection = registry.findActive(command.connection());
        if (connection.isEmpty()) {
            return new JoinRoomResult.NotConnected(command.connection());
        }
        if (!connection.get().roomAccess().permits(room)) {
            return new JoinRoomResult.Forbidden(room);
        }
        JoinOutcome outcome = memberships.join(room, Member.of(connection.get()), roomLimit);
        if (outcome instanceof RoomRegistry.AtLimit) {
            return new JoinRoomResult.TooManyRooms(roomLimit);
        }
        if (outcome instanceof RoomRegistry.NotConnected) {
            return new JoinRoomResult.NotConnected(command.connection());
        }
        // Read after the membership began: a message stored later reaches the joiner live, one stored before is read.
        HistoryHead head = history.head(room);
        MemberPage members = rooms.presences(room, Optional.empty(), MemberPage.MAX_MEMBERS);
        Optional<Catchup> catchup = command.since().map(since -> histories.catchUp(room, since, head, clock.instant()));
        // A joiner gone before its catch-up arrived ended without its $disconnect: cleaned up as any recipient found gone.
        catchup.ifPresent(missed -> memberships.goneFrom(publisher.publish(new RoomCatchup(MessageId.random(),
                clock.instant(), room, members, head, missed, command.requestId()), Stream.of(command.connection()))));
        return new JoinRoomResult.Joined(room, members, head, catchup);
    }
}
