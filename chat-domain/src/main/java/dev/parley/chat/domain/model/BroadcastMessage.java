package dev.parley.chat.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A message from the operators to every connected client, or to the members of one {@code room}. */
public record BroadcastMessage(MessageId id, MessageText text, Instant sentAt, Optional<RoomName> room)
        implements OutgoingMessage {

    public BroadcastMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sentAt, "sent at");
        Objects.requireNonNull(room, "room");
    }

    /** A broadcast to every connected client. */
    public BroadcastMessage(MessageId id, MessageText text, Instant sentAt) {
        this(id, text, sentAt, Optional.empty());
    }
}
