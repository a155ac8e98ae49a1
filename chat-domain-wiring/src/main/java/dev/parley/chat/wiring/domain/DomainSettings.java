package dev.parley.chat.wiring.domain;

import dev.parley.chat.domain.model.ConnectionLimit;
import dev.parley.chat.domain.model.HistoryWindow;
import dev.parley.chat.domain.model.MessageRateLimit;
import dev.parley.chat.domain.model.RoomLimit;
import java.util.Objects;

/** The settings the use cases take, whichever transport reads them: the Lambda environment, chat-server's flags. */
public record DomainSettings(
        MessageRateLimit sendRateLimit, RoomLimit roomLimit, ConnectionLimit connectionLimit, HistoryWindow history) {

    public DomainSettings {
        Objects.requireNonNull(sendRateLimit, "send rate limit");
        Objects.requireNonNull(roomLimit, "room limit");
        Objects.requireNonNull(connectionLimit, "connection limit");
        Objects.requireNonNull(history, "history");
    }
}
