package dev.parley.chat.domain.model;

import java.util.Objects;

/** The messages {@code from} to {@code to} (inclusive) that a resuming client will not get, and why. */
public record Gap(long from, long to, GapReason reason) {

    public Gap {
        Objects.requireNonNull(reason, "reason");
        if (from < 1) {
            throw new IllegalArgumentException("a gap starts at seq 1 or later, not " + from);
        }
        if (to < from - 1) {
            throw new IllegalArgumentException("a gap from " + from + " ends at " + (from - 1) + " or later, not " + to);
        }
    }

    /** How many messages the gap stands for: 0 when an epoch changed and the new one holds nothing not sent along. */
    public long count() {
        return to - from + 1;
    }
}
