package dev.parley.chat.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How much of a room's history is kept and replayed: a resuming client is replayed at most the latest
 * {@code maxMessages} messages, and only messages younger than {@code retention}. Older ones are a {@link Gap}.
 */
public record HistoryWindow(int maxMessages, Duration retention) {

    public static final int MIN_MESSAGES = 1;
    /**
     * A resume replays each missed message as a frame of its own, in order, so one {@code @connections} call after
     * another (about 20 ms each on AWS) inside the join's invocation: 1,000 take some 20 s of the function's 29 s.
     * A longer window would be cut off by the timeout without a word; beyond it a client pages through history.
     */
    public static final int MAX_MESSAGES = 1_000;
    public static final Duration MIN_RETENTION = Duration.ofMinutes(1);
    public static final Duration MAX_RETENTION = Duration.ofDays(365);
    public static final HistoryWindow DEFAULT = new HistoryWindow(1_000, Duration.ofDays(7));
    /** How many of the latest messages follow a gap of the window or of an epoch. */
    public static final int LATEST_AFTER_GAP = 50;
    /**
     * How long a send may take from allocating its seq to storing its message: longer than any function that sends
     * may run (29 s), so a seq allocated longer ago than this and still missing will never be stored.
     */
    public static final Duration WRITE_DEADLINE = Duration.ofMinutes(1);

    public HistoryWindow {
        requireValidMessages(maxMessages);
        requireValidRetention(retention);
    }

    /** The window's message count when it is one a window can have, so configuration can name the wrong setting. */
    public static int requireValidMessages(int maxMessages) {
        if (maxMessages < MIN_MESSAGES || maxMessages > MAX_MESSAGES) {
            throw new IllegalArgumentException("the history window is " + MIN_MESSAGES + " to " + MAX_MESSAGES
                    + " messages, not " + maxMessages);
        }
        return maxMessages;
    }

    /** The retention when it is one a window can have, so configuration can name the wrong setting. */
    public static Duration requireValidRetention(Duration retention) {
        Objects.requireNonNull(retention, "retention");
        if (retention.compareTo(MIN_RETENTION) < 0 || retention.compareTo(MAX_RETENTION) > 0) {
            throw new IllegalArgumentException("the history retention is " + MIN_RETENTION + " to " + MAX_RETENTION
                    + ", not " + retention);
        }
        return retention;
    }

    /** Whether a message sent {@code sentAt} is past the retention {@code at}: no longer replayed nor listed. */
    public boolean isExpired(Instant sentAt, Instant at) {
        return !sentAt.plus(retention).isAfter(at);
    }

    /**
     * How many of a room's latest entries a history bounded by this window keeps: every seq a resume inside the window
     * replays, and the latest messages after a gap. Paging further back finds nothing in such a history.
     */
    public int entriesKeptPerRoom() {
        return Math.max(maxMessages, LATEST_AFTER_GAP + 1);
    }

    /** When a message sent {@code sentAt} expires. */
    public Instant expiresAt(Instant sentAt) {
        return sentAt.plus(retention);
    }

    /**
     * Whether a client at {@code since} missed more than the window replays, or has a position of another epoch: then
     * it gets {@link #gapBefore} and the latest messages instead of a replay.
     */
    public Optional<GapReason> outside(HistoryPosition since, HistoryHead head) {
        if (!since.epoch().equals(head.epoch())) {
            return Optional.of(GapReason.EPOCH);
        }
        return head.seq() - since.seq() > maxMessages ? Optional.of(GapReason.WINDOW) : Optional.empty();
    }

    /**
     * The gap of a client at {@code since} outside the window ({@code reason} from {@link #outside}), when the latest
     * messages it is sent instead start at {@code firstSent} (past the head when there are none).
     */
    public static Gap gapBefore(HistoryPosition since, HistoryHead head, GapReason reason, long firstSent) {
        long from = reason == GapReason.EPOCH ? 1 : since.seq() + 1;
        return new Gap(from, Math.min(firstSent, head.seq() + 1) - 1, reason);
    }

    /**
     * What a client at {@code since}, inside the window, is sent, given every entry the history holds after it up to
     * the head, in seq order. A seq neither stored nor void is still being written (its message will be delivered
     * live) unless it was allocated before something written longer than {@link #WRITE_DEADLINE} ago: then it never
     * will be. Such a seq, and an expired message, before the first message still kept, are a gap (expired: the
     * history keeps expired messages a while, and its store deletes them after); after it, void.
     */
    public Catchup catchUp(HistoryPosition since, HistoryHead head, List<HistoryEntry> entries, Instant now) {
        if (outside(since, head).isPresent()) {
            throw new IllegalArgumentException("a client outside the window gets a gap and the latest messages");
        }
        Map<Long, HistoryEntry> bySeq = new HashMap<>();
        Instant settled = now.minus(WRITE_DEADLINE);
        long settledThrough = head.allocatedAt().filter(at -> !at.isAfter(settled)).map(at -> head.seq()).orElse(0L);
        for (HistoryEntry entry : entries) {
            bySeq.put(entry.seq(), entry);
            if (!entry.writtenAt().isAfter(settled)) {
                settledThrough = Math.max(settledThrough, entry.seq() - 1);
            }
        }
        var messages = new ArrayList<StoredMessage>();
        var voids = new ArrayList<Long>();
        long expiredThrough = since.seq();
        for (long seq = since.seq() + 1; seq <= head.seq(); seq++) {
            HistoryEntry entry = bySeq.get(seq);
            boolean gone = entry instanceof VoidSeq
                    || entry instanceof StoredMessage stored && isExpired(stored.writtenAt(), now)
                    || entry == null && seq <= settledThrough;
            if (entry instanceof StoredMessage stored && !gone) {
                messages.add(stored);
            } else if (gone && messages.isEmpty() && !(entry instanceof VoidSeq)) {
                expiredThrough = seq;
            } else if (gone) {
                voids.add(seq);
            }
        }
        long gapEnd = expiredThrough;
        voids.removeIf(seq -> seq <= gapEnd);
        Optional<Gap> gap = expiredThrough > since.seq()
                ? Optional.of(new Gap(since.seq() + 1, expiredThrough, GapReason.EXPIRED))
                : Optional.empty();
        return new Catchup(gap, messages, voids);
    }
}
