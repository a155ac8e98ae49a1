package dev.parley.chat.wiring;

import dagger.Lazy;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.OutgoingMessage;
import dev.parley.chat.domain.port.out.Deliveries;
import dev.parley.chat.domain.port.out.MessagePublisher;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The {@code @connections} publisher, built on the first message that has a recipient: a {@code $connect} or
 * {@code $disconnect} whose presence no other member hears of, or a broadcast to nobody, never builds the client
 * (the CRT's event loop, its TLS context and the signer are most of a cold start's cost after DynamoDB's).
 */
final class OnDemandMessagePublisher implements MessagePublisher {

    private final Lazy<? extends MessagePublisher> publisher;

    OnDemandMessagePublisher(Lazy<? extends MessagePublisher> publisher) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    @Override
    public Deliveries publish(OutgoingMessage message, Stream<ConnectionId> recipients) {
        Spliterator<ConnectionId> rest = recipients.spliterator();
        ConnectionId[] first = new ConnectionId[1];
        if (!rest.tryAdvance(recipient -> first[0] = recipient)) {
            recipients.close();
            return new Deliveries(List.of());
        }
        return publisher.get().publish(message, Stream.concat(Stream.of(first[0]), StreamSupport.stream(rest, false))
                .onClose(recipients::close));
    }
}
