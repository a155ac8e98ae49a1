package dev.parley.chat.domain.port.in;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.MessageText;
import java.util.Objects;
import java.util.Optional;

/** A message from {@code sender}; with a {@code recipient} it is a direct message to that connection only. */
public record SendMessageCommand(ConnectionId sender, MessageText text, Optional<ConnectionId> recipient) {

    public SendMessageCommand {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(recipient, "recipient");
    }
}
