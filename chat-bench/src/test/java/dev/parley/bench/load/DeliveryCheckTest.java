package dev.parley.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The verdict on synthetic runs: three clients, each sending two messages, delivered as each test says. */
class DeliveryCheckTest {

    private static final int CLIENTS = 3;
    private static final int MESSAGES = 2;

    private final List<Ledger> ledgers = IntStream.range(0, CLIENTS).mapToObj(n -> new Ledger(n, CLIENTS)).toList();

    @Test
    void givenEveryMessageDeliveredOnceInOrderAndAcknowledged_verify_passes() {
        sendAll();
        deliverAllExcept(-1, -1, -1);
        acknowledgeAll();

        DeliveryCheck.Verification verification = DeliveryCheck.verify(ledgers);

        assertThat(verification.problems()).isEmpty();
        assertThat(verification.passed()).isTrue();
        assertThat(verification.expectedDeliveries()).isEqualTo(CLIENTS * MESSAGES * (CLIENTS - 1));
        assertThat(verification.deliveries()).isEqualTo(verification.expectedDeliveries());
    }

    @Test
    void givenOneDeliveryMissing_verify_reportsItLostNamingWhich() {
        sendAll();
        deliverAllExcept(2, 1, 0);
        acknowledgeAll();

        assertThat(DeliveryCheck.verify(ledgers).problems())
                .containsExactly("1 deliveries lost (the first: message 1 of client 0 never reached client 2)");
    }

    @Test
    void givenADuplicateDelivery_verify_reportsIt() {
        sendAll();
        deliverAllExcept(-1, -1, -1);
        ledgers.get(1).received(message(0, 1));
        acknowledgeAll();

        assertThat(DeliveryCheck.verify(ledgers).problems()).containsExactly("1 duplicate deliveries");
    }

    @Test
    void givenADuplicateWithinTheAllowedShare_verify_passesAndCountsIt() {
        sendAll();
        deliverAllExcept(-1, -1, -1);
        ledgers.get(1).received(message(0, 1));
        acknowledgeAll();

        // 1 of 12 expected deliveries repeated: 8.3 %.
        DeliveryCheck.Verification verification = DeliveryCheck.verify(ledgers, 0.10);

        assertThat(verification.problems()).isEmpty();
        assertThat(verification.duplicates()).isEqualTo(1);
    }

    @Test
    void givenDuplicatesOverTheAllowedShare_verify_reportsThem() {
        sendAll();
        deliverAllExcept(-1, -1, -1);
        ledgers.get(1).received(message(0, 1));
        ledgers.get(2).received(message(0, 0));
        acknowledgeAll();

        assertThat(DeliveryCheck.verify(ledgers, 0.10).problems())
                .containsExactly("2 duplicate deliveries, over the 10.00 % allowed (1 of 12)");
    }

    @Test
    void givenAnAllowedShareOfDuplicates_verify_stillReportsALoss() {
        sendAll();
        deliverAllExcept(2, 1, 0);
        acknowledgeAll();

        assertThat(DeliveryCheck.verify(ledgers, 0.10).problems())
                .containsExactly("1 deliveries lost (the first: message 1 of client 0 never reached client 2)");
    }

    @Test
    void givenTwoMessagesOfOneSenderArrivingSwapped_verify_reportsThemOutOfOrder() {
        sendAll();
        for (int receiver = 0; receiver < CLIENTS; receiver++) {
            for (int sender = 0; sender < CLIENTS; sender++) {
                if (sender == receiver) {
                    continue;
                }
                boolean swapped = receiver == 1 && sender == 2;
                ledgers.get(receiver).received(message(sender, swapped ? 1 : 0));
                ledgers.get(receiver).received(message(sender, swapped ? 0 : 1));
            }
        }
        acknowledgeAll();

        assertThat(DeliveryCheck.verify(ledgers).problems()).containsExactly("1 deliveries out of their sender's order");
    }

    @Test
    void givenAMessageDeliveredBackToItsSender_verify_reportsIt() {
        sendAll();
        deliverAllExcept(-1, -1, -1);
        ledgers.get(0).received(message(0, 0));
        acknowledgeAll();

        assertThat(DeliveryCheck.verify(ledgers).problems()).containsExactly("1 messages delivered back to their sender");
    }

    @Test
    void givenAMissingAckAnErrorFrameAndAnEarlyClose_verify_reportsEachWithExamples() {
        sendAll();
        deliverAllExcept(-1, -1, -1);
        ledgers.get(0).acknowledged(message(0, 0), CLIENTS - 1);
        ledgers.get(1).acknowledged(message(1, 0), CLIENTS - 1);
        ledgers.get(1).acknowledged(message(1, 1), CLIENTS - 1);
        ledgers.get(2).acknowledged(message(2, 0), CLIENTS - 1);
        ledgers.get(2).acknowledged(message(2, 1), 1);
        ledgers.get(2).errorFrame("{\"type\":\"error\",\"code\":\"INTERNAL\"}");
        ledgers.get(1).closedUnexpectedly("closed by the gateway: 1001 Going away");

        assertThat(DeliveryCheck.verify(ledgers).problems()).containsExactly(
                "1 messages never acknowledged",
                "1 acknowledgements counting other than every other client as recipients",
                "1 error frames",
                "1 connections closed before the end",
                "for example: closed by the gateway: 1001 Going away",
                "for example: {\"type\":\"error\",\"code\":\"INTERNAL\"}");
    }

    @Test
    void givenLedgersOutOfClientOrder_verify_throwsClearError() {
        assertThatThrownBy(() -> DeliveryCheck.verify(List.of(ledgers.get(1), ledgers.get(0))))
                .hasMessageContaining("ledger 0 is client 1's");
    }

    private void sendAll() {
        ledgers.forEach(ledger -> IntStream.range(0, MESSAGES).forEach(n -> ledger.nextSequence()));
    }

    /** Delivers every message to every other client in order, except one (none when given -1s). */
    private void deliverAllExcept(int skippedReceiver, int skippedSequence, int skippedSender) {
        for (int receiver = 0; receiver < CLIENTS; receiver++) {
            for (int sender = 0; sender < CLIENTS; sender++) {
                for (int sequence = 0; sequence < MESSAGES; sequence++) {
                    boolean skipped = receiver == skippedReceiver && sender == skippedSender && sequence == skippedSequence;
                    if (sender != receiver && !skipped) {
                        ledgers.get(receiver).received(message(sender, sequence));
                    }
                }
            }
        }
    }

    private void acknowledgeAll() {
        ledgers.forEach(ledger -> IntStream.range(0, MESSAGES)
                .forEach(n -> ledger.acknowledged(message(ledger.self(), n), CLIENTS - 1)));
    }

    private static LoadMessage message(int sender, int sequence) {
        return new LoadMessage(sender, sequence, 1_000L * sequence);
    }
}
