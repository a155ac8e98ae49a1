package dev.parley.chat.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a send with a {@link ClientMessageId} left for its resends: the message's id, when it was first sent and, once
 * stored in its room's history, its place there (a direct message has none).
 */
public record SendReceipt(MessageId id, Instant firstSentAt, Optional<HistoryPosition> position) {

    /** How long a resend is recognised as one. */
    public static final Duration RESEND_WINDOW = Duration.ofHours(24);

    public SendReceipt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(firstSentAt, "first sent at");
        Objects.requireNonNull(position, "position");
    }

    /** When a resend stops being one. */
    public Instant expiresAt() {
        return firstSentAt.plus(RESEND_WINDOW);
    }

    public boolean isExpired(Instant at) {
        return !expiresAt().isAfter(at);
    }

    /** This receipt once the message is stored at {@code at}. */
    public SendReceipt storedAt(HistoryPosition at) {
        return new SendReceipt(id, firstSentAt, Optional.of(at));
    }
}
