package dev.parley.chat.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A message one connection sent to a room's other members, or directly to one connection or one user's connections
 * ({@code direct}, then with no room). {@code senderUserId} tells two people of the same name apart.
 */
public record ChatMessage(
        MessageId id, ConnectionId from, DisplayName senderName, Optional<UserId> senderUserId, MessageText text,
        Instant sentAt, Optional<RoomName> room)
        implements OutgoingMessage {

    public ChatMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(senderName, "sender name");
        Objects.requireNonNull(senderUserId, "sender user id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sentAt, "sent at");
        Objects.requireNonNull(room, "room");
    }

    /** A direct message goes to chosen recipients, not to a room. */
    public boolean direct() {
        return room.isEmpty();
    }
}
