package dev.parley.chat.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectionRecordTest {

    private static final Instant CONNECTED_AT = Instant.parse("2026-11-25T10:15:30.123Z");
    private static final Connection ALICE =
            new Connection(new ConnectionId("L0SM9cOFvHcCIhw="), new DisplayName("Alice"), CONNECTED_AT);
    private static final Disconnection CLOSED =
            new Disconnection(CONNECTED_AT.plusSeconds(60), DisconnectReason.closed(1000, "bye"));

    @Test
    void givenNewConnection_registered_isActiveWithNothingPostedAndNoAllowanceYet() {
        ConnectionRecord record = ConnectionRecord.registered(ALICE);

        assertThat(record).isEqualTo(new ConnectionRecord(ALICE, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()));
        assertThat(record.isActive()).isTrue();
    }

    @Test
    void givenActiveRecord_disconnect_endsItKeepingEverythingElse() {
        ConnectionRecord posted = ConnectionRecord.registered(ALICE)
                .recordMessage(posted("hi", 5), taken(Optional.empty(), allowance("19", 5))).orElseThrow()
                .recordBroadcast(posted("maintenance at noon", 10));

        Optional<ConnectionRecord> ended = posted.disconnect(CLOSED);

        assertThat(ended).contains(new ConnectionRecord(ALICE, Optional.of(CLOSED), posted.latestMessage(),
                posted.latestBroadcast(), posted.messageAllowance()));
        assertThat(ended.orElseThrow().isActive()).isFalse();
    }

    @Test
    void givenEndedRecord_disconnectAgain_isRefusedSoTheFirstDisconnectionWins() {
        ConnectionRecord ended = ConnectionRecord.registered(ALICE).disconnect(CLOSED).orElseThrow();
        Disconnection later = new Disconnection(CONNECTED_AT.plusSeconds(90), DisconnectReason.gone());

        assertThat(ended.disconnect(later)).isEmpty();
        assertThat(ended.disconnect(CLOSED)).isEmpty();
    }

    @Test
    void givenTokenTakenFromTheAllowanceItHolds_recordMessage_keepsTheMessageAndWhatIsLeft() {
        MessageAllowance held = allowance("19", 5);
        ConnectionRecord record = ConnectionRecord.registered(ALICE)
                .recordMessage(posted("first", 5), taken(Optional.empty(), held)).orElseThrow();

        Optional<ConnectionRecord> next = record.recordMessage(posted("second", 6), taken(Optional.of(held),
                allowance("18.1", 6)));

        assertThat(next).contains(new ConnectionRecord(ALICE, Optional.empty(), Optional.of(posted("second", 6)),
                Optional.empty(), Optional.of(allowance("18.1", 6))));
    }

    @Test
    void givenTokenTakenFromAnotherAllowance_recordMessage_isRefusedSoEachTokenIsSpentOnce() {
        MessageAllowance held = allowance("19", 5);
        ConnectionRecord record = ConnectionRecord.registered(ALICE)
                .recordMessage(posted("first", 5), taken(Optional.empty(), held)).orElseThrow();

        assertThat(record.recordMessage(posted("late", 6), taken(Optional.empty(), allowance("19", 6)))).isEmpty();
        assertThat(record.recordMessage(posted("late", 6), taken(Optional.of(allowance("18", 5)), allowance("17", 6))))
                .isEmpty();
        assertThat(ConnectionRecord.registered(ALICE).recordMessage(posted("late", 6), taken(Optional.of(held),
                allowance("18", 6)))).isEmpty();
    }

    @Test
    void givenEndedRecord_recordMessageAndBroadcast_stillKeepTheAuditTrail() {
        ConnectionRecord ended = ConnectionRecord.registered(ALICE).disconnect(CLOSED).orElseThrow();

        ConnectionRecord withMessage = ended.recordMessage(posted("in flight", 61), taken(Optional.empty(),
                allowance("19", 61))).orElseThrow();
        ConnectionRecord withBroadcast = withMessage.recordBroadcast(posted("maintenance at noon", 62));

        assertThat(withBroadcast).isEqualTo(new ConnectionRecord(ALICE, Optional.of(CLOSED),
                Optional.of(posted("in flight", 61)), Optional.of(posted("maintenance at noon", 62)),
                Optional.of(allowance("19", 61))));
    }

    private static MessageDecision.Allowed taken(Optional<MessageAllowance> before, MessageAllowance after) {
        return new MessageDecision.Allowed(before, after);
    }

    private static MessageAllowance allowance(String tokens, int secondsAfterConnect) {
        return new MessageAllowance(new BigDecimal(tokens), CONNECTED_AT.plusSeconds(secondsAfterConnect));
    }

    private static PostedText posted(String text, int secondsAfterConnect) {
        return new PostedText(new MessageText(text), CONNECTED_AT.plusSeconds(secondsAfterConnect));
    }
}
