package dev.parley.chat.domain.port.in;

import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * The text to broadcast, to every connection or to the members of {@code room}, and who sends it.
 *
 * @param sender the user who broadcasts, as the broadcast authorizer identified them; empty without authorization
 */
public record BroadcastCommand(MessageText text, Optional<RoomName> room, Optional<UserId> sender) {

    public BroadcastCommand {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(sender, "sender");
    }

    /** A broadcast by no one named, to the members of {@code room} or, when empty, to every connection. */
    public BroadcastCommand(MessageText text, Optional<RoomName> room) {
        this(text, room, Optional.empty());
    }

    /** A broadcast to every connection, by no one named. */
    public BroadcastCommand(MessageText text) {
        this(text, Optional.empty());
    }

    /** This broadcast, sent by {@code user}. */
    public BroadcastCommand sentBy(UserId user) {
        return new BroadcastCommand(text, room, Optional.of(user));
    }
}
