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
            HistoryPage latest = page(room, head.epoch(), head.seq() + 1, HistoryWindow.LATEST_AFTER_GAP, now);
            var gap = HistoryWindow.gapBefore(since, head, outside.get(), latest.firstSeq(head.seq() + 1));
            return new Catchup(Optional.of(gap), latest.messages(), List.of());
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
        var latestFirst = new ArrayList<StoredMessage>();
        long below = before;
        while (true) {
            int wanted = limit + 1 - latestFirst.size();
            List<HistoryEntry> entries = below > 1 ? history.latest(room, epoch, below, wanted) : List.of();
            for (HistoryEntry entry : entries) {
                if (entry instanceof StoredMessage stored) {
                    if (window.isExpired(stored.writtenAt(), now)) {
                        return pageOf(room, latestFirst, false);
                    }
                    if (latestFirst.size() == limit) {
                        return pageOf(room, latestFirst, true);
                    }
                    latestFirst.add(stored);
                }
                below = entry.seq();
            }
            if (entries.size() < wanted) {
                return pageOf(room, latestFirst, false);
            }
        }
    }

    private static HistoryPage pageOf(RoomName room, List<StoredMessage> latestFirst, boolean more) {
        var oldestFirst = new ArrayList<>(latestFirst);
        Collections.reverse(oldestFirst);
        return new HistoryPage(room, oldestFirst, more);
    }
}
