package dev.parley.chat.domain.port.in;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.MemberPage;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.domain.model.RoomName;
import java.util.Objects;

/** How a join ended, for the joiner's answer. */
public sealed interface JoinRoomResult permits JoinRoomResult.Joined, JoinRoomResult.Forbidden,
        JoinRoomResult.TooManyRooms, JoinRoomResult.NotConnected {

    /** A member now (or already); {@code members} is the first page of who is there. */
    record Joined(RoomName room, MemberPage members) implements JoinRoomResult {
        public Joined {
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(members, "members");
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
