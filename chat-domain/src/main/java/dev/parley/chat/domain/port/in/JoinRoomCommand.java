package dev.parley.chat.domain.port.in;

import dev.parley.chat.domain.model.ClientMessageId;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.HistoryPosition;
import dev.parley.chat.domain.model.RoomName;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code connection} asks to join {@code room}; {@code since}, the last place in the room's history it has seen, asks
 * for what it missed after that. {@code requestId} is the client's id of the request, echoed.
 */
public record JoinRoomCommand(ConnectionId connection, RoomName room, Optional<HistoryPosition> since,
        Optional<ClientMessageId> requestId) {

    public JoinRoomCommand {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(requestId, "request id");
    }

    /** A join that asks for nothing missed. */
    public JoinRoomCommand(ConnectionId connection, RoomName room) {
        this(connection, room, Optional.empty(), Optional.empty());
    }
}
