package dev.parley.chat.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

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
    void givenNewConnection_registered_isActiveWithNothingPosted() {
        ConnectionRecord record = ConnectionRecord.registered(ALICE);

        assertThat(record).isEqualTo(new ConnectionRecord(ALICE, Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(record.isActive()).isTrue();
    }

    @Test
    void givenActiveRecord_disconnect_endsItKeepingEverythingElse() {
        ConnectionRecord posted = ConnectionRecord.registered(ALICE)
                .recordMessage(posted("hi", 5))
                .recordBroadcast(posted("maintenance at noon", 10));

        Optional<ConnectionRecord> ended = posted.disconnect(CLOSED);

        assertThat(ended).contains(new ConnectionRecord(ALICE, Optional.of(CLOSED), posted.latestMessage(),
                posted.latestBroadcast()));
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
    void givenRecordWithAMessage_recordMessage_keepsOnlyTheLatest() {
        ConnectionRecord record = ConnectionRecord.registered(ALICE).recordMessage(posted("first", 5));

        ConnectionRecord next = record.recordMessage(posted("second", 6));

        assertThat(next).isEqualTo(new ConnectionRecord(ALICE, Optional.empty(), Optional.of(posted("second", 6)),
                Optional.empty()));
    }

    @Test
    void givenEndedRecord_recordMessageAndBroadcast_stillKeepTheAuditTrail() {
        ConnectionRecord ended = ConnectionRecord.registered(ALICE).disconnect(CLOSED).orElseThrow();

        ConnectionRecord withBroadcast = ended.recordMessage(posted("in flight", 61))
                .recordBroadcast(posted("maintenance at noon", 62));

        assertThat(withBroadcast).isEqualTo(new ConnectionRecord(ALICE, Optional.of(CLOSED),
                Optional.of(posted("in flight", 61)), Optional.of(posted("maintenance at noon", 62))));
    }

    private static PostedText posted(String text, int secondsAfterConnect) {
        return new PostedText(new MessageText(text), CONNECTED_AT.plusSeconds(secondsAfterConnect));
    }
}
