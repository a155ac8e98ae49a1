package dev.parley.chat.domain.port.out;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.OutgoingMessage;
import java.util.stream.Stream;

/** Sends messages to connected clients. */
public interface MessagePublisher {

    /**
     * Sends one message to each recipient and waits for every outcome. Never throws for a recipient's failure:
     * each one is reported in the result.
     */
    Deliveries publish(OutgoingMessage message, Stream<ConnectionId> recipients);
}
