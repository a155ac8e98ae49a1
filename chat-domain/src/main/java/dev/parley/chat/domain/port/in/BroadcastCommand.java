package dev.parley.chat.domain.port.in;

import dev.parley.chat.domain.model.MessageText;
import java.util.Objects;

/** The text to broadcast. */
public record BroadcastCommand(MessageText text) {

    public BroadcastCommand {
        Objects.requireNonNull(text, "text");
    }
}
