package dev.parley.chat.domain.model;

import java.util.List;
import java.util.Objects;

/** Some of a room's messages, oldest first, and whether older ones are kept. */
public record HistoryPage(RoomName room, List<StoredMessage> messages, boolean more) {

    /** The most messages one page holds. */
    public static final int MAX_MESSAGES = 100;

    public HistoryPage {
        Objects.requireNonNull(room, "room");
        messages = List.copyOf(messages);
    }

    /** The first seq of the page, or {@code orElse} when it is empty. */
    public long firstSeq(long orElse) {
        return messages.isEmpty() ? orElse : messages.get(0).seq();
    }
}
