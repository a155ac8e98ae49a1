package dev.parley.chat.domain.model;

import java.util.Objects;

/** A room message as its room's history keeps it, at its place. */
public record StoredMessage(HistoryPosition position, ChatMessage message) implements HistoryEntry {

    public StoredMessage {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(message, "message");
        if (message.room().isEmpty()) {
            throw new IllegalArgumentException("a direct message has no room, so no history keeps it");
        }
        if (message.seq().isEmpty() || message.seq().getAsLong() != position.seq()) {
            throw new IllegalArgumentException("the message carries the seq it is stored at, " + position.seq());
        }
    }

    public RoomName room() {
        return message.room().orElseThrow();
    }

    @Override
    public java.time.Instant writtenAt() {
        return message.sentAt();
    }
}
