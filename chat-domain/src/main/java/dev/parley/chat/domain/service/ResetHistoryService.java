package dev.parley.chat.domain.service;

import dev.parley.chat.domain.model.HistoryHead;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.port.in.ResetHistoryUseCase;
import dev.parley.chat.domain.port.out.MessageHistory;
import java.util.Objects;

public final class ResetHistoryService implements ResetHistoryUseCase {

    private final MessageHistory history;

    public ResetHistoryService(MessageHistory history) {
        this.history = Objects.requireNonNull(history, "history");
    }

    @Override
    public HistoryHead reset(RoomName room) {
        return history.reset(Objects.requireNonNull(room, "room"));
    }
}
