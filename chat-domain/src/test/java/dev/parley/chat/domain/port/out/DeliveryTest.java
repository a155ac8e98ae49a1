package dev.parley.chat.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisconnectReason;
import dev.parley.chat.domain.model.Disconnection;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DeliveryTest {

    private static final ConnectionId BOB = new ConnectionId("L0SM9cOFvHcCIhw=");
    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30.123Z");

    @Test
    void givenRecipientFoundGone_provenDisconnection_isTheGoneReasonAtThatInstant() {
        var delivery = new Delivery(BOB, DeliveryResult.gone());

        assertThat(delivery.provenDisconnection(NOW)).contains(new Disconnection(NOW, DisconnectReason.gone()));
    }

    @ParameterizedTest
    @MethodSource("outcomesThatProveNothing")
    void givenAnyOtherOutcome_provenDisconnection_isEmpty(DeliveryResult result) {
        assertThat(new Delivery(BOB, result).provenDisconnection(NOW)).isEmpty();
    }

    static Stream<DeliveryResult> outcomesThatProveNothing() {
        return Stream.of(DeliveryResult.delivered(), new DeliveryResult.Throttled(8),
                new DeliveryResult.Failed("403 Forbidden"));
    }
}
