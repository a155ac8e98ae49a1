package dev.parley.chat.domain.port.in;

import java.util.Objects;

/**
 * A broadcast to start, and whether the caller asked to be answered at once ({@code Prefer: respond-async}) rather
 * than with the report when the audience is small enough to send to inline.
 */
public record StartBroadcastCommand(BroadcastCommand broadcast, boolean respondAsync) {

    public StartBroadcastCommand {
        Objects.requireNonNull(broadcast, "broadcast");
    }
}
