package dev.parley.chat.domain.model;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The text of a chat message or a broadcast: with something visible in it, at most 32 KB once encoded as UTF-8
 * (the largest WebSocket frame the transport passes on, so every message fits in one frame to every client).
 */
public record MessageText(String value) {

    public static final int MAX_UTF8_BYTES = 32 * 1024;

    public MessageText {
        Objects.requireNonNull(value, "message text");
        if (!VisibleText.hasVisibleCharacter(value)) {
            throw new InvalidMessageTextException(InvalidMessageTextException.Violation.BLANK,
                    "the message is empty or only white space or invisible characters");
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_UTF8_BYTES) {
            throw new InvalidMessageTextException(InvalidMessageTextException.Violation.TOO_LARGE,
                    "the message has " + bytes + " bytes of UTF-8; the limit is " + MAX_UTF8_BYTES);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
