package dev.parley.chat.domain.port.in;

import dev.parley.chat.domain.model.HistoryPage;
import dev.parley.chat.domain.model.RoomName;
import java.util.Objects;

/** The answer to a history request. */
public sealed interface HistoryResult permits HistoryResult.Page, HistoryResult.NotAMember {

    /** The messages asked for, oldest first, sent to the connection that asked (they may take several frames). */
    record Page(HistoryPage page) implements HistoryResult {
        public Page {
            Objects.requireNonNull(page, "page");
        }
    }

    /** Only a room's members may read its history. */
    record NotAMember(RoomName room) implements HistoryResult {
        public NotAMember {
            Objects.requireNonNull(room, "room");
        }
    }
}
