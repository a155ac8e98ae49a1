package dev.parley.chat.domain.port.out;

import dev.parley.chat.domain.model.ConnectionId;
import java.util.Objects;

/** The outcome of sending to one recipient. */
public record Delivery(ConnectionId recipient, DeliveryResult result) {

    public Delivery {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(result, "result");
    }
}
