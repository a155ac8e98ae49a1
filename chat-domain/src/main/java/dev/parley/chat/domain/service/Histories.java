package dev.parley.chat.domain.service;

import dev.parley.chat.domain.model.Catchup;
import dev.parley.chat.domain.model.Epoch;
import dev.parley.chat.domain.model.GapReason;
import dev.parley.chat.domain.model.HistoryEntry;
import dev.parley.chat.domain.model.HistoryHead;
import dev.parley.chat.domain.model.HistoryPage;
import dev.parley.chat.domain.model.HistoryPosition;
import dev.parley.chat.domain.model.HistoryWindow;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.StoredMessage;
import dev.parley.chat.domain.model.VoidSeq;
import dev.parley.chat.domain.port.out.MessageHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Reading rooms' histories the way the window says: pages of kept messages, and what a resuming client missed. */
final class Histories {

    private final MessageHistory history;
    private final HistoryWindow window;

    Histories(MessageHistory history, HistoryWindow window) {
        this.history = Objects.requireNonNull(history, "history");
        this.window = Objects.requireNonNull(window, "window");
    }

    /** What a client at {@code since} missed of {@code room}, whose history stands at {@code head}. */
    Catchup catchUp(RoomName room, HistoryPosition since, HistoryHead head, Instant now) {
        Optional<GapReason> outside = window.outside(since, head);
        if (outside.isPresent()) {
            Latest latest = latest(room, head.epoch(), head.seq() + 1, HistoryWindow.LATEST_AFTER_GAP, now);
            long firstSent = latest.page(room).firstSeq(head.seq() + 1);
            var gap = HistoryWindow.gapBefore(since, head, outside.get(), firstSent);
            List<Long> voidsAmongThem = latest.voids().stream().filter(seq -> seq > firstSent).sorted().toList();
            return new Catchup(Optional.of(gap), latest.page(room).messages(), voidsAmongThem);
        }
        if (since.seq() >= head.seq()) {
            return Catchup.none();
        }
        return window.catchUp(since, head, history.entries(room, since, head.seq()), now);
    }

    /**
     * Up to {@code limit} of the messages of {@code epoch} kept {@code now} with a seq below {@code before}, the
     * latest ones, oldest first. Void seqs are skipped; the first expired message ends the history (all before it
     * are older).
     */
    HistoryPage page(RoomName room, Epoch epoch, long before, int limit, Instant now) {
        return latest(room, epoch, before, limit, now).page(room);
    }

    /** The page {@link #page} reads, with the void seqs it skipped on the way. */
    private Latest latest(RoomName room, Epoch epoch, long before, int limit, Instant now) {
        var latestFirst = new ArrayList<StoredMessage>();
        var voids = new ArrayList<Long>();
        long below = before;
        while (true) {
            int wanted = limit + 1 - latestFirst.size();
            List<HistoryEntry> entries = below > 1 ? history.latest(room, epoch, below, wanted) : List.of();
            for (HistoryEntry entry : entries) {
                if (entry instanceof StoredMessage stored) {
                    if (window.isExpired(stored.writtenAt(), now)) {
                        return new Latest(latestFirst, false, voids);
                    }
                    if (latestFirst.size() == limit) {
                        return new Latest(latestFirst, true, voids);
                    }
                    latestFirst.add(stored);
                } else if (entry instanceof VoidSeq) {
                    voids.add(entry.seq());
                }
                below = entry.seq();
            }
            if (entries.size() < wanted) {
                return new Latest(latestFirst, false, voids);
            }
        }
    }

    /** The latest messages read, latest first, whether older ones are kept, and the void seqs read among them. */
    private record Latest(List<StoredMessage> latestFirst, boolean more, List<Long> voids) {

        HistoryPage page(RoomName room) {
            var oldestFirst = new ArrayList<>(latestFirst);
            Collections.reverse(oldestFirst);
            return new HistoryPage(room, oldestFirst, more);
        }
    }
}
