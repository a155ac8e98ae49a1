package dev.parley.chat.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A page of a room's history, sent to the connection that asked for it; {@code requestId} echoes its request's id. */
public record HistoryDelivery(MessageId id, Instant sentAt, HistoryPage page, Optional<ClientMessageId> requestId)
        implements OutgoingMessage {

    public HistoryDelivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sentAt, "sent at");
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(requestId, "request id");
    }
}
