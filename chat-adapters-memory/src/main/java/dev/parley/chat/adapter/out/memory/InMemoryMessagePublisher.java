package dev.parley.chat.adapter.out.memory;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.OutgoingMessage;
import dev.parley.chat.domain.port.out.Deliveries;
import dev.parley.chat.domain.port.out.Delivery;
import dev.parley.chat.domain.port.out.DeliveryResult;
import dev.parley.chat.domain.port.out.MessagePublisher;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;

/**
 * A {@link MessagePublisher} for connections held in this process: each one has a {@link Mailbox} while it is open,
 * and a recipient without one is {@link DeliveryResult#gone() gone}, as API Gateway answers for a closed connection.
 */
public final class InMemoryMessagePublisher implements MessagePublisher {

    private final ConcurrentMap<ConnectionId, Mailbox> mailboxes = new ConcurrentHashMap<>();

    /** From now on messages to {@code connection} go to {@code mailbox}. */
    public void open(ConnectionId connection, Mailbox mailbox) {
        Objects.requireNonNull(mailbox, "mailbox");
        if (mailboxes.putIfAbsent(connection, mailbox) != null) {
            throw new IllegalStateException(connection + " already has a mailbox");
        }
    }

    /** From now on {@code connection} is gone. */
    public void close(ConnectionId connection) {
        mailboxes.remove(connection);
    }

    /** How many connections have a mailbox. */
    public int openConnections() {
        return mailboxes.size();
    }

    @Override
    public Deliveries publish(OutgoingMessage message, Stream<ConnectionId> recipients) {
        return new Deliveries(recipients.map(recipient -> new Delivery(recipient, deliver(message, recipient))).toList());
    }

    private DeliveryResult deliver(OutgoingMessage message, ConnectionId recipient) {
        Mailbox mailbox = mailboxes.get(recipient);
        return mailbox == null ? DeliveryResult.gone() : mailbox.offer(message);
    }
}
