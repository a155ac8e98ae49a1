package dev.parley.chat.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A queued broadcast as its record keeps it: the broadcast, the sum of its counted pages, whether a worker began on
 * it, and when its last page was counted.
 *
 * @param pagesCounted how many distinct pages were counted (each page is counted once, however often it is delivered)
 */
public record TrackedBroadcast(Broadcast broadcast, PageCounts counted, int pagesCounted, boolean begun,
        Optional<Instant> finishedAt) {

    public TrackedBroadcast {
        Objects.requireNonNull(broadcast, "broadcast");
        Objects.requireNonNull(counted, "counted");
        Objects.requireNonNull(finishedAt, "finished at");
        if (pagesCounted < 0 || pagesCounted > broadcast.pages()) {
            throw new IllegalArgumentException("pages counted must be between 0 and " + broadcast.pages());
        }
    }

    /** Just accepted: nothing begun or counted. */
    public static TrackedBroadcast accepted(Broadcast broadcast) {
        return new TrackedBroadcast(broadcast, PageCounts.NONE, 0, false, Optional.empty());
    }

    /** Every page counted: all that is left is to note when it finished, if no one has. */
    public boolean isComplete() {
        return pagesCounted == broadcast.pages();
    }

    public BroadcastProgress progress() {
        BroadcastState state = finishedAt.isPresent() ? BroadcastState.DONE
                : begun || pagesCounted > 0 || isComplete() ? BroadcastState.RUNNING
                : BroadcastState.QUEUED;
        return new BroadcastProgress(broadcast.id(), state, broadcast.recipients(), counted.delivered(),
                counted.gone(), counted.failed(), broadcast.acceptedAt(), finishedAt);
    }
}
