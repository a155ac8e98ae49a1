package dev.parley.chat.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dagger.Lazy;
import dev.parley.chat.domain.model.ChatMessage;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.port.out.Deliveries;
import dev.parley.chat.domain.port.out.MessagePublisher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OnDemandMessagePublisherTest {

    private static final ConnectionId ANN = new ConnectionId("QW5uLWNvbm4=");
    private static final ConnectionId BEA = new ConnectionId("QmVhLWNvbm4=");

    private final AtomicInteger built = new AtomicInteger();
    private final List<ConnectionId> sentTo = new ArrayList<>();
    private final Lazy<MessagePublisher> lazyPublisher = () -> {
        built.incrementAndGet();
        return (message, recipients) -> {
            recipients.forEach(sentTo::add);
            return new Deliveries(List.of());
        };
    };
    private final OnDemandMessagePublisher publisher = new OnDemandMessagePublisher(lazyPublisher);

    @Test
    void givenNoRecipient_publish_buildsNoPublisherAndClosesTheRecipients() {
        var closed = new AtomicBoolean();

        Deliveries deliveries = publisher.publish(message(), Stream.<ConnectionId>empty().onClose(() -> closed.set(true)));

        assertThat(deliveries.all()).isEmpty();
        assertThat(built).hasValue(0);
        assertThat(closed).isTrue();
    }

    @Test
    void givenRecipients_publish_buildsThePublisherAndSendsToEachInOrder() {
        publisher.publish(message(), Stream.of(ANN, BEA));

        assertThat(built).hasValue(1);
        assertThat(sentTo).containsExactly(ANN, BEA);
    }

    private static ChatMessage message() {
        return new ChatMessage(MessageId.random(), ANN, new DisplayName("Ann"), Optional.empty(),
                new MessageText("hi"), Instant.EPOCH, Optional.empty());
    }
}
