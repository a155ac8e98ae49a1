package dev.parley.chat.domain.model;

import java.util.List;
import java.util.Objects;

/**
 * One unit of a queued broadcast's work: the recipients of page {@code number} (0 to the broadcast's pages − 1). It
 * carries ids only, so it stays small on the queue; the message is the broadcast's record's.
 */
public record BroadcastPage(MessageId broadcast, int number, List<ConnectionId> recipients) implements BroadcastWork {

    public BroadcastPage {
        Objects.requireNonNull(broadcast, "broadcast");
        recipients = List.copyOf(Objects.requireNonNull(recipients, "recipients"));
        if (number < 0) {
            throw new IllegalArgumentException("a page number cannot be negative: " + number);
        }
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a page has at least one recipient");
        }
    }
}
