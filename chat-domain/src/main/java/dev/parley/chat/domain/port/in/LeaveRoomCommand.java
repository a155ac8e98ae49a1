package dev.parley.chat.domain.port.in;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.RoomName;
import java.util.Objects;

/** {@code connection} leaves {@code room}. */
public record LeaveRoomCommand(ConnectionId connection, RoomName room) {

    public LeaveRoomCommand {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(room, "room");
    }
}
