package dev.parley.chat.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A message one connection sent to a room's other members, or directly to one connection or one user's connections
 * ({@code direct}, then with no room). {@code senderUserId} tells two people of the same name apart. A room message
 * has the {@code seq} its room's history stored it at.
 */
public record ChatMessage(
        MessageId id, ConnectionId from, DisplayName senderName, Optional<UserId> senderUserId, MessageText text,
        Instant sentAt, Optional<RoomName> room, OptionalLong seq)
        implements OutgoingMessage {

    public ChatMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(senderName, "sender name");
        Objects.requireNonNull(senderUserId, "sender user id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sentAt, "sent at");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(seq, "seq");
        if (seq.isPresent() && (room.isEmpty() || seq.getAsLong() < 1)) {
            throw new IllegalArgumentException("only a room message has a seq, and it is 1 or more");
        }
    }

    /** A message not (yet) stored in a history: a direct message, or a room message before its seq is allocated. */
    public ChatMessage(MessageId id, ConnectionId from, DisplayName senderName, Optional<UserId> senderUserId,
            MessageText text, Instant sentAt, Optional<RoomName> room) {
        this(id, from, senderName, senderUserId, text, sentAt, room, OptionalLong.empty());
    }

    /** A direct message goes to chosen recipients, not to a room. */
    public boolean direct() {
        return room.isEmpty();
    }
}
