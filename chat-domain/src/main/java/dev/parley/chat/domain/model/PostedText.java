package dev.parley.chat.domain.model;

import java.time.Instant;
import java.util.Objects;

/** A text and when it was posted: what the audit trail keeps of a connection's latest message or broadcast. */
public record PostedText(MessageText text, Instant at) {

    public PostedText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
    }
}
