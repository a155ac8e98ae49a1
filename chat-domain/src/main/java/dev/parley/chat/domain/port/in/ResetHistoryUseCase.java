package dev.parley.chat.domain.port.in;

import dev.parley.chat.domain.model.HistoryHead;
import dev.parley.chat.domain.model.RoomName;

/**
 * An operator starts a room's history anew (a new epoch): clients resuming from a position of the old one are told
 * so, with a gap of reason epoch.
 */
public interface ResetHistoryUseCase {

    HistoryHead reset(RoomName room);
}
