package dev.parley.chat.domain.model;

import java.time.Instant;
import java.util.Objects;

/** When and why a connection ended. */
public record Disconnection(Instant at, DisconnectReason reason) {

    public Disconnection {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
    }
}
