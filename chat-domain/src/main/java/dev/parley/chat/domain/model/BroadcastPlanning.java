package dev.parley.chat.domain.model;

import java.util.Objects;

/**
 * The first work of a queued broadcast: read its audience, cut it into pages, fix the plan and queue the pages. The
 * request queues only this, so it answers in the same time for any audience.
 */
public record BroadcastPlanning(MessageId broadcast) implements BroadcastWork {

    public BroadcastPlanning {
        Objects.requireNonNull(broadcast, "broadcast");
    }
}
