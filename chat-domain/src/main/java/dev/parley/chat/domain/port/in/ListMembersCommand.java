package dev.parley.chat.domain.port.in;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.RoomName;
import java.util.Objects;
import java.util.Optional;

/** A member of {@code room} asks for the page of its presences after {@code cursor} (empty: the first page). */
public record ListMembersCommand(ConnectionId connection, RoomName room, Optional<String> cursor) {

    public ListMembersCommand {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(cursor, "cursor");
    }
}
