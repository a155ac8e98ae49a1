package dev.parley.chat.domain.model;

import java.time.Instant;
import java.util.Objects;

/** A message from the operators to every connected client. */
public record BroadcastMessage(MessageId id, MessageText text, Instant sentAt) implements OutgoingMessage {

    public BroadcastMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sentAt, "sent at");
    }
}
