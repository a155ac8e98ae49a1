package dev.parley.chat.domain.model;

import java.util.Objects;
import java.util.UUID;

/** The id of one chat message or broadcast, shared by every copy delivered and by the sender's acknowledgement. */
public record MessageId(UUID value) {

    public MessageId {
        Objects.requireNonNull(value, "message id");
    }

    public static MessageId random() {
        return new MessageId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
