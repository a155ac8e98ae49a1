package dev.parley.chat.domain.port.in;

import dev.parley.chat.domain.model.AudiencePlan;
import java.util.Objects;

/** What became of a planning a worker was given. */
public sealed interface PlannedBroadcast
        permits PlannedBroadcast.Queued, PlannedBroadcast.QueuedBefore, PlannedBroadcast.UnknownBroadcast {

    /**
     * The plan's pages were queued, but for {@code refusedRecipients} whose pages the queue refused: those are counted
     * failed at once, so the broadcast still ends.
     */
    record Queued(AudiencePlan plan, int refusedRecipients) implements PlannedBroadcast {
        public Queued {
            Objects.requireNonNull(plan, "plan");
        }
    }

    /** A repeat: every page had been queued before, so nothing was. */
    record QueuedBefore() implements PlannedBroadcast {}

    /** Its broadcast has no record (never, or no longer): nothing was read or queued. */
    record UnknownBroadcast() implements PlannedBroadcast {}
}
