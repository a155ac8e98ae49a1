package dev.parley.chat.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A text, when it was posted and, for a broadcast, who sent it: what the audit trail keeps of a connection's latest
 * message (sent by the connection itself) or broadcast.
 *
 * @param sentBy the user who sent a broadcast, when authorization named one; empty for a connection's own message
 */
public record PostedText(MessageText text, Instant at, Optional<UserId> sentBy) {

    public PostedText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(sentBy, "sent by");
    }

    /** A text posted by the connection whose record keeps it, or a broadcast by no one named. */
    public PostedText(MessageText text, Instant at) {
        this(text, at, Optional.empty());
    }
}
