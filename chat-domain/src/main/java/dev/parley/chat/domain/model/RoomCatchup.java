package dev.parley.chat.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a connection that joined {@code room} from a position it had is sent, in this order and to it alone: that it
 * joined (the first page of {@code members}, the room's {@code head}), then the {@code catchup}. {@code requestId} is
 * the client's id of its join, echoed.
 */
public record RoomCatchup(MessageId id, Instant sentAt, RoomName room, MemberPage members, HistoryHead head,
        Catchup catchup, Optional<ClientMessageId> requestId) implements OutgoingMessage {

    public RoomCatchup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sentAt, "sent at");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(members, "members");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(catchup, "catchup");
        Objects.requireNonNull(requestId, "request id");
    }
}
