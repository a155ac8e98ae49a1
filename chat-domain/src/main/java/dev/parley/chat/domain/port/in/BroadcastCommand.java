package dev.parley.chat.domain.port.in;

import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.RoomName;
import java.util.Objects;
import java.util.Optional;

/** The text to broadcast, to every connection or to the members of {@code room}. */
public record BroadcastCommand(MessageText text, Optional<RoomName> room) {

    public BroadcastCommand {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(room, "room");
    }

    /** A broadcast to every connection. */
    public BroadcastCommand(MessageText text) {
        this(text, Optional.empty());
    }
}
