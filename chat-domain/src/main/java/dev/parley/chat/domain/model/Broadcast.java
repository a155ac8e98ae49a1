package dev.parley.chat.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A broadcast handed to the work queue, as it was accepted: its message (every copy carries {@code id}), who sent it,
 * and how its recipients, read when it was accepted, were cut into {@code pages}.
 *
 * @param recipients how many connections it is for: the {@code attempted} of its progress from the start
 */
public record Broadcast(MessageId id, MessageText text, Instant acceptedAt, Optional<RoomName> room,
        Optional<UserId> sender, int recipients, int pages) {

    public Broadcast {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(acceptedAt, "accepted at");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(sender, "sender");
        if (recipients < 0 || pages < 0 || pages > recipients || (recipients > 0 && pages == 0)) {
            throw new IllegalArgumentException(
                    "a broadcast has at least one page for its recipients, and no page without one: "
                            + recipients + " recipients in " + pages + " pages");
        }
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
