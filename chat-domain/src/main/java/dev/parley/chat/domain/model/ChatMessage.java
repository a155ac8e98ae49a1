package dev.parley.chat.domain.model;

import java.time.Instant;
import java.util.Objects;

/** A message one connection sent to the others, or to one of them ({@code direct}). */
public record ChatMessage(
        MessageId id, ConnectionId from, DisplayName senderName, MessageText text, Instant sentAt, boolean direct)
        implements OutgoingMessage {

    public ChatMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(senderName, "sender name");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sentAt, "sent at");
    }
}
