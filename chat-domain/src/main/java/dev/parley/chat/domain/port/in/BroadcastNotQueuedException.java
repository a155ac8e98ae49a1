package dev.parley.chat.domain.port.in;

import dev.parley.chat.domain.model.MessageId;
import java.util.Objects;

/**
 * The work queue refused some of a broadcast's pages. The pages it took will still be sent, and the broadcast's
 * progress shows it, counting the recipients of the refused pages as failed.
 */
public final class BroadcastNotQueuedException extends RuntimeException {

    private final MessageId broadcastId;
    private final int unsent;

    public BroadcastNotQueuedException(MessageId broadcastId, int unsent, int recipients) {
        super("the work queue refused pages of broadcast " + broadcastId + ": " + unsent + " of its " + recipients
                + " recipients will not be sent to");
        this.broadcastId = Objects.requireNonNull(broadcastId, "broadcast id");
        this.unsent = unsent;
    }

    public MessageId broadcastId() {
        return broadcastId;
    }

    public int unsent() {
        return unsent;
    }
}
