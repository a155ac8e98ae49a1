package dev.parley.chat.adapter.out.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.domain.model.BroadcastMessage;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.OutgoingMessage;
import dev.parley.chat.domain.port.out.Deliveries;
import dev.parley.chat.domain.port.out.DeliveryResult;
import dev.parley.chat.domain.port.out.DeliveryResult.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class InMemoryMessagePublisherTest {

    private static final ConnectionId ALICE = new ConnectionId("alice=");
    private static final ConnectionId BOB = new ConnectionId("bob=");

    private final InMemoryMessagePublisher publisher = new InMemoryMessagePublisher();

    @Test
    void aMailboxThatRefusesTheMessageDecidesItsRecipientsOutcome() {
        List<OutgoingMessage> alices = new CopyOnWriteArrayList<>();
        publisher.open(ALICE, message -> {
            alices.add(message);
            return DeliveryResult.delivered();
        });
        publisher.open(BOB, message -> new DeliveryResult.Failed("full"));
        OutgoingMessage message = broadcast("hello");

        Deliveries deliveries = publisher.publish(message, Stream.of(ALICE, BOB));

        assertThat(alices).containsExactly(message);
        assertThat(deliveries.recipients(Outcome.DELIVERED)).containsExactly(ALICE);
        assertThat(deliveries.all().get(1).result()).isEqualTo(new DeliveryResult.Failed("full"));
    }

    @Test
    void countsTheConnectionsWithAMailbox() {
        publisher.open(ALICE, message -> DeliveryResult.delivered());
        publisher.open(BOB, message -> DeliveryResult.delivered());
        publisher.close(ALICE);

        assertThat(publisher.openConnections()).isEqualTo(1);
    }

    @Test
    void aConnectionHasOneMailboxAtATime() {
        publisher.open(ALICE, message -> DeliveryResult.delivered());

        assertThatThrownBy(() -> publisher.open(ALICE, message -> DeliveryResult.delivered()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("alice=");
    }

    private static OutgoingMessage broadcast(String text) {
        return new BroadcastMessage(MessageId.random(), new MessageText(text), Instant.EPOCH);
    }
}
