package dev.parley.chat.domain.port.in;

import dev.parley.chat.domain.model.Catchup;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.HistoryHead;
import dev.parley.chat.domain.model.MemberPage;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.domain.model.RoomName;
import java.util.Objects;
import java.util.Optional;

/** How a join ended, for the joiner's answer. */
public sealed interface JoinRoomResult permits JoinRoomResult.Joined, JoinRoomResult.Forbidden,
        JoinRoomResult.TooManyRooms, JoinRoomResult.NotConnected {

    /**
     * A member now (or already); {@code members} is the first page of who is there, {@code head} where the room's
     * history stands, and {@code catchup} what the joiner missed since the position it gave (none when it gave none).
     * With a catch-up, all of it has been sent to the joiner already, as a {@code RoomCatchup}: the answer to the join
     * comes first, and only then what it missed, which an answer to the request could not be followed by.
     */
    record Joined(RoomName room, MemberPage members, HistoryHead head, Optional<Catchup> catchup)
            implements JoinRoomResult {
        public Joined {
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(members, "members");
            Objects.requireNonNull(head, "head");
            Objects.requireNonNull(catchup, "catchup");
        }
    }

    /** The connection's token does not admit this room. */
    record Forbidden(RoomName room) implements JoinRoomResult {
        public Forbidden {
            Objects.requireNonNull(room, "room");
        }
    }

    /** The connection is in as many rooms as it may be. */
    record TooManyRooms(RoomLimit limit) implements JoinRoomResult {
        public TooManyRooms {
            Objects.requireNonNull(limit, "limit");
        }
    }

    /** The connection is not active. */
    record NotConnected(ConnectionId connection) implements JoinRoomResult {
        public NotConnected {
            Objects.requireNonNull(connection, "connection");
        }
    }
}
