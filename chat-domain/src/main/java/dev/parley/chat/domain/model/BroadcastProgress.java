package dev.parley.chat.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How far a queued broadcast has come. {@code attempted} is its recipients from the start; the other counters only
 * grow, and at {@link BroadcastState#DONE} {@code delivered + gone + failed = attempted}.
 *
 * @param startedAt when it was accepted
 * @param finishedAt when its last page was counted; empty before
 */
public record BroadcastProgress(MessageId broadcastId, BroadcastState state, int attempted, int delivered, int gone,
        int failed, Instant startedAt, Optional<Instant> finishedAt) {

    public BroadcastProgress {
        Objects.requireNonNull(broadcastId, "broadcast id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startedAt, "started at");
        Objects.requireNonNull(finishedAt, "finished at");
        long reached = (long) delivered + gone + failed;
        if (delivered < 0 || gone < 0 || failed < 0 || reached > attempted) {
            throw new IllegalArgumentException("delivered + gone + failed cannot exceed attempted, none negative");
        }
        if ((state == BroadcastState.DONE) != finishedAt.isPresent() || (state == BroadcastState.DONE && reached != attempted)) {
            throw new IllegalArgumentException("a broadcast is done exactly when finished, with every recipient counted");
        }
    }
}
