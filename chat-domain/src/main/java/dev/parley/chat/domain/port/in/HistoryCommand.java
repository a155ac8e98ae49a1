package dev.parley.chat.domain.port.in;

import dev.parley.chat.domain.model.ClientMessageId;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.HistoryPage;
import dev.parley.chat.domain.model.RoomName;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code connection} asks for up to {@code limit} (1 to {@link HistoryPage#MAX_MESSAGES}) of {@code room}'s messages
 * before seq {@code before} (the latest when absent); {@code requestId} is the client's id of the request, echoed.
 */
public record HistoryCommand(ConnectionId connection, RoomName room, OptionalLong before, int limit,
        Optional<ClientMessageId> requestId) {

    public HistoryCommand {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(requestId, "request id");
        if (before.isPresent() && before.getAsLong() < 1) {
            throw new IllegalArgumentException("before is a seq, 1 or more, not " + before.getAsLong());
        }
        if (limit < 1 || limit > HistoryPage.MAX_MESSAGES) {
            throw new IllegalArgumentException("a history page holds 1 to " + HistoryPage.MAX_MESSAGES
                    + " messages, not " + limit);
        }
    }
}
