package dev.parley.chat.domain.port.in;

/** A member of a room pages back through the room's history, latest first, each page oldest first. */
public interface HistoryUseCase {

    HistoryResult history(HistoryCommand command);
}
