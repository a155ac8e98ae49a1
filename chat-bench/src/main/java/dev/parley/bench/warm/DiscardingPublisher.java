package dev.parley.bench.warm;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.OutgoingMessage;
import dev.parley.chat.domain.port.out.Deliveries;
import dev.parley.chat.domain.port.out.Delivery;
import dev.parley.chat.domain.port.out.DeliveryResult;
import dev.parley.chat.domain.port.out.MessagePublisher;
import dev.parley.chat.protocol.FrameWriter;
import java.util.stream.Stream;

/**
 * An in-memory publisher for the warm path and the read-cost run: encodes the message once, as the real publisher does, and reports every
 * recipient delivered, keeping nothing. (A recording publisher keeping every send would, over millions of
 * benchmark invocations, measure its list, not the handler.)
 */
public final class DiscardingPublisher implements MessagePublisher {

    private final FrameWriter writer;

    public DiscardingPublisher(FrameWriter writer) {
        this.writer = writer;
    }

    @Override
    public Deliveries publish(OutgoingMessage message, Stream<ConnectionId> recipients) {
        if (writer.encode(message).length == 0) {
            throw new IllegalStateException("the writer made an empty frame");
        }
        return new Deliveries(recipients.map(recipient -> new Delivery(recipient, DeliveryResult.delivered())).toList());
    }
}
