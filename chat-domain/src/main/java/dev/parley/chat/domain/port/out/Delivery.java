package dev.parley.chat.domain.port.out;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisconnectReason;
import dev.parley.chat.domain.model.Disconnection;
import dev.parley.chat.domain.port.out.DeliveryResult.Outcome;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The outcome of sending to one recipient. */
public record Delivery(ConnectionId recipient, DeliveryResult result) {

    public Delivery {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(result, "result");
    }

    /**
     * The end of the recipient's connection this delivery proves, learnt {@code at}: only a recipient found gone has
     * one, for {@link DisconnectReason#gone()}. No other outcome proves anything (a throttled or failed recipient may
     * well still be there), and the transport's own report of a close is best effort, so this is how a send learns it.
     */
    public Optional<Disconnection> provenDisconnection(Instant at) {
        return result.outcome() == Outcome.GONE
                ? Optional.of(new Disconnection(at, DisconnectReason.gone()))
                : Optional.empty();
    }
}
