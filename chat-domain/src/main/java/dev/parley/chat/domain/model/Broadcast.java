package dev.parley.chat.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A broadcast handed to the work queue, as it was accepted: its message (every copy carries {@code id}) and who sent
 * it. Its audience is read later, by a worker ({@link AudiencePlan}).
 */
public record Broadcast(MessageId id, MessageText text, Instant acceptedAt, Optional<RoomName> room,
        Optional<UserId> sender) {

    public Broadcast {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(acceptedAt, "accepted at");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(sender, "sender");
    }

    /** The message each recipient receives. */
    public BroadcastMessage message() {
        return new BroadcastMessage(id, text, acceptedAt, room);
    }

    /** What the audit trail keeps on each connection the message reached. */
    public PostedText posted() {
        return new PostedText(text, acceptedAt, sender);
    }
}
