package dev.parley.chat.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A queued broadcast as its record keeps it: the broadcast, its audience's plan once a worker fixed it, whether every
 * page of the plan was handed to the queue, the sum of its counted pages, and when its last page was counted.
 *
 * @param pagesQueued  whether the planning worker queued every page of the plan (a planning message that comes again
 *                     after that queues nothing)
 * @param pagesCounted how many distinct pages were counted (each page is counted once, however often it is delivered)
 */
public record TrackedBroadcast(Broadcast broadcast, Optional<AudiencePlan> plan, boolean pagesQueued,
        PageCounts counted, int pagesCounted, Optional<Instant> finishedAt) {

    public TrackedBroadcast {
        Objects.requireNonNull(broadcast, "broadcast");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(counted, "counted");
        Objects.requireNonNull(finishedAt, "finished at");
        int pages = plan.map(AudiencePlan::pages).orElse(0);
        if (pagesCounted < 0 || pagesCounted > pages) {
            throw new IllegalArgumentException("pages counted must be between 0 and the plan's " + pages);
        }
        if (plan.isEmpty() && (pagesQueued || finishedAt.isPresent())) {
            throw new IllegalArgumentException("pages are queued, and a broadcast finishes, only after its plan");
        }
    }

    /** Just accepted: its audience not read yet, nothing queued or counted. */
    public static TrackedBroadcast accepted(Broadcast broadcast) {
        return new TrackedBroadcast(broadcast, Optional.empty(), false, PageCounts.NONE, 0, Optional.empty());
    }

    /** Planned and every page counted: all that is left is to note when it finished, if no one has. */
    public boolean isComplete() {
        return plan.isPresent() && pagesCounted == plan.get().pages();
    }

    /** {@code queued} until its plan is fixed, {@code running} from then until finished; {@code attempted} is 0 before the plan. */
    public BroadcastProgress progress() {
        BroadcastState state = finishedAt.isPresent() ? BroadcastState.DONE
                : plan.isPresent() ? BroadcastState.RUNNING
                : BroadcastState.QUEUED;
        return new BroadcastProgress(broadcast.id(), state, plan.map(AudiencePlan::recipients).orElse(0),
                counted.delivered(), counted.gone(), counted.failed(), broadcast.acceptedAt(), finishedAt);
    }
}
