package dev.parley.chat.domain.port.in;

import dev.parley.chat.domain.model.BroadcastPlanning;

/**
 * A worker plans a queued broadcast: reads its audience page by page, cuts it into pages, fixes the plan on the record
 * (from then on the broadcast is running, {@code attempted} known) and queues the pages. A planning that comes again
 * queues the pages of the plan fixed before, never a new reading of the audience, and nothing once they were queued.
 */
public interface PlanBroadcastUseCase {

    PlannedBroadcast plan(BroadcastPlanning planning);
}
