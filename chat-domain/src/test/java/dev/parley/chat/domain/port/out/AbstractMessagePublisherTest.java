package dev.parley.chat.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.domain.model.BroadcastMessage;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.OutgoingMessage;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link MessagePublisher} adapter must have; each adapter's test supplies a publisher and says how
 * a connection of its transport opens, ends and counts what reached it.
 */
public abstract class AbstractMessagePublisherTest {

    private static final ConnectionId ALICE = new ConnectionId("alice=");
    private static final ConnectionId BOB = new ConnectionId("bob=");
    private static final ConnectionId CAROL = new ConnectionId("carol=");

    private MessagePublisher publisher;

    protected abstract MessagePublisher createPublisher();

    /** Makes {@code connection} a reachable client of the transport. */
    protected abstract void open(ConnectionId connection);

    /** Closes {@code connection}: the transport will say it is gone. */
    protected abstract void end(ConnectionId connection);

    /** How many messages reached {@code connection}. */
    protected abstract int receivedBy(ConnectionId connection);

    @BeforeEach
    void createPublisherAndClients() {
        publisher = createPublisher();
        Stream.of(ALICE, BOB, CAROL).forEach(this::open);
    }

    @Test
    void givenOpenRecipients_publish_deliversOnceToEachAndReportsThemInStreamOrder() {
        Deliveries deliveries = publisher.publish(message("hello"), Stream.of(CAROL, ALICE, BOB));

        assertThat(deliveries.all()).containsExactly(new Delivery(CAROL, DeliveryResult.delivered()),
                new Delivery(ALICE, DeliveryResult.delivered()), new Delivery(BOB, DeliveryResult.delivered()));
        assertThat(Stream.of(ALICE, BOB, CAROL).map(this::receivedBy)).containsOnly(1);
    }

    @Test
    void givenAnEndedRecipient_publish_reportsItGoneAndStillDeliversToTheOthers() {
        end(BOB);

        Deliveries deliveries = publisher.publish(message("hello"), Stream.of(ALICE, BOB, CAROL));

        assertThat(deliveries.recipients(DeliveryResult.Outcome.GONE)).containsExactly(BOB);
        assertThat(deliveries.recipients(DeliveryResult.Outcome.DELIVERED)).containsExactly(ALICE, CAROL);
        assertThat(receivedBy(BOB)).isZero();
    }

    @Test
    void givenNoRecipients_publish_attemptsNothing() {
        Deliveries deliveries = publisher.publish(message("hello"), Stream.empty());

        assertThat(deliveries.attempted()).isZero();
        assertThat(Stream.of(ALICE, BOB, CAROL).map(this::receivedBy)).containsOnly(0);
    }

    @Test
    void givenSeveralMessages_publish_deliversEachOfThem() {
        for (int n = 0; n < 5; n++) {
            publisher.publish(message("message " + n), Stream.of(ALICE));
        }

        assertThat(receivedBy(ALICE)).isEqualTo(5);
        assertThat(receivedBy(BOB)).isZero();
    }

    private static OutgoingMessage message(String text) {
        return new BroadcastMessage(MessageId.random(), new MessageText(text), Instant.parse("2026-12-03T08:00:00Z"));
    }
}
