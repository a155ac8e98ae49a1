package dev.parley.chat.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A presence began or ended in a room: sent to the room's members so that their member lists stay live. {@code count}
 * is the room's presences after the change.
 */
public record PresenceEvent(MessageId id, RoomName room, Kind kind, Member member, int count, Instant sentAt)
        implements OutgoingMessage {

    public enum Kind { JOIN, LEAVE }

    public PresenceEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(sentAt, "sent at");
        if (count < 0) {
            throw new IllegalArgumentException("a room cannot have fewer than 0 presences, not " + count);
        }
    }
}
