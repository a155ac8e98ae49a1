package dev.parley.chat.domain.port.in;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.RoomName;
import java.util.Objects;

/** {@code connection} asks to join {@code room}. */
public record JoinRoomCommand(ConnectionId connection, RoomName room) {

    public JoinRoomCommand {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(room, "room");
    }
}
