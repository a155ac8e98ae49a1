package dev.parley.chat.domain.fakes;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.OutgoingMessage;
import dev.parley.chat.domain.port.out.Deliveries;
import dev.parley.chat.domain.port.out.Delivery;
import dev.parley.chat.domain.port.out.DeliveryResult;
import dev.parley.chat.domain.port.out.MessagePublisher;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A {@link MessagePublisher} that records what it was asked to send and answers {@link DeliveryResult#delivered()}
 * unless a recipient was scripted to answer otherwise.
 */
public final class RecordingMessagePublisher implements MessagePublisher {

    /** One message sent to one recipient. */
    public record Sent(ConnectionId recipient, OutgoingMessage message) {}

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Map<ConnectionId, DeliveryResult> scripted = new ConcurrentHashMap<>();

    /** Every later send to {@code recipient} answers {@code result}. */
    public RecordingMessagePublisher answer(ConnectionId recipient, DeliveryResult result) {
        scripted.put(recipient, result);
        return this;
    }

    @Override
    public Deliveries publish(OutgoingMessage message, Stream<ConnectionId> recipients) {
        List<Delivery> deliveries = recipients.map(recipient -> {
            sent.add(new Sent(recipient, message));
            return new Delivery(recipient, scripted.getOrDefault(recipient, DeliveryResult.delivered()));
        }).toList();
        return new Deliveries(deliveries);
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public List<ConnectionId> recipientsOf(OutgoingMessage message) {
        return sent.stream().filter(s -> s.message().equals(message)).map(Sent::recipient).toList();
    }
}
