package dev.parley.chat.domain.port.in;

import dev.parley.chat.domain.model.BroadcastProgress;
import dev.parley.chat.domain.model.MessageId;
import java.util.Optional;

/** The operators watch a queued broadcast's progress. */
public interface BroadcastStatusUseCase {

    /** Empty when no queued broadcast has that id. */
    Optional<BroadcastProgress> status(MessageId broadcastId);
}
