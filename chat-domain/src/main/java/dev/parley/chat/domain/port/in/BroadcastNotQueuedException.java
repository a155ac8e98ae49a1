package dev.parley.chat.domain.port.in;

import dev.parley.chat.domain.model.MessageId;
import java.util.Objects;

/**
 * The work queue refused a broadcast's planning: nobody will be sent to. Its record says so, done with no recipient,
 * so nothing is left waiting unseen.
 */
public final class BroadcastNotQueuedException extends RuntimeException {

    private final MessageId broadcastId;

    public BroadcastNotQueuedException(MessageId broadcastId) {
        super("the work queue refused broadcast " + broadcastId + ": nobody was sent to");
        this.broadcastId = Objects.requireNonNull(broadcastId, "broadcast id");
    }

    public MessageId broadcastId() {
        return broadcastId;
    }
}
