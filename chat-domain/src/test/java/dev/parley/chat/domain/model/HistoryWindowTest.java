package dev.parley.chat.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class HistoryWindowTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final Instant LONG_AGO = NOW.minus(Duration.ofHours(1));
    private static final HistoryWindow WINDOW = new HistoryWindow(10, Duration.ofDays(1));
    private static final Epoch EPOCH = new Epoch("e1");
    private static final RoomName ROOM = new RoomName("design");

    @Test
    void window_refusesCountsAndRetentionsOutOfRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> new HistoryWindow(0, Duration.ofDays(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new HistoryWindow(1_001, Duration.ofDays(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new HistoryWindow(10, Duration.ofSeconds(59)));
        assertThatIllegalArgumentException().isThrownBy(() -> new HistoryWindow(10, Duration.ofDays(366)));
        assertThat(HistoryWindow.DEFAULT).isEqualTo(new HistoryWindow(1_000, Duration.ofDays(7)));
    }

    @Test
    void isExpired_fromTheMomentTheRetentionHasPassed() {
        Instant sent = NOW.minus(Duration.ofDays(1));

        assertThat(WINDOW.isExpired(sent.plusNanos(1), NOW)).isFalse();
        assertThat(WINDOW.isExpired(sent, NOW)).isTrue();
        assertThat(WINDOW.expiresAt(sent)).isEqualTo(NOW);
    }

    @Test
    void outside_whenTheEpochDiffersOrMoreThanTheWindowWasMissed() {
        HistoryHead head = head(30, LONG_AGO);

        assertThat(WINDOW.outside(new HistoryPosition(EPOCH, 20), head)).isEmpty();
        assertThat(WINDOW.outside(new HistoryPosition(EPOCH, 19), head)).contains(GapReason.WINDOW);
        assertThat(WINDOW.outside(new HistoryPosition(new Epoch("e0"), 30), head)).contains(GapReason.EPOCH);
    }

    @Test
    void gapBefore_endsJustBeforeTheLatestMessagesSent() {
        HistoryHead head = head(812, LONG_AGO);

        assertThat(HistoryWindow.gapBefore(new HistoryPosition(EPOCH, 41), head, GapReason.WINDOW, 763))
                .isEqualTo(new Gap(42, 762, GapReason.WINDOW));
        assertThat(HistoryWindow.gapBefore(new HistoryPosition(new Epoch("e0"), 41), head, GapReason.EPOCH, 763))
                .isEqualTo(new Gap(1, 762, GapReason.EPOCH));
        assertThat(HistoryWindow.gapBefore(new HistoryPosition(EPOCH, 41), head, GapReason.WINDOW, 813))
                .isEqualTo(new Gap(42, 812, GapReason.WINDOW));
        assertThat(HistoryWindow.gapBefore(new HistoryPosition(new Epoch("e0"), 41), head(0, null), GapReason.EPOCH, 1)
                .count()).isZero();
    }

    @Test
    void catchUp_givenEveryMessageKept_isEachInOrder() {
        List<HistoryEntry> entries = List.of(message(5, LONG_AGO), message(6, LONG_AGO), message(7, LONG_AGO));

        Catchup catchup = WINDOW.catchUp(at(4), head(7, LONG_AGO), entries, NOW);

        assertThat(catchup).isEqualTo(new Catchup(Optional.empty(), messages(entries), List.of()));
    }

    @Test
    void catchUp_givenVoidSeqs_namesThem() {
        List<HistoryEntry> entries = List.of(message(5, LONG_AGO), new VoidSeq(position(6), LONG_AGO),
                message(7, LONG_AGO));

        Catchup catchup = WINDOW.catchUp(at(4), head(7, LONG_AGO), entries, NOW);

        assertThat(catchup.gap()).isEmpty();
        assertThat(catchup.messages()).extracting(StoredMessage::seq).containsExactly(5L, 7L);
        assertThat(catchup.voids()).containsExactly(6L);
    }

    @Test
    void catchUp_givenSeqMissingBeforeOneWrittenLongerAgoThanTheDeadline_isVoid() {
        Instant settled = NOW.minus(HistoryWindow.WRITE_DEADLINE);
        List<HistoryEntry> entries = List.of(message(5, LONG_AGO), message(7, settled));

        Catchup catchup = WINDOW.catchUp(at(4), head(7, NOW), entries, NOW);

        assertThat(catchup.voids()).containsExactly(6L);
    }

    @Test
    void catchUp_givenSeqsMissingThatMayStillBeWritten_leavesThemToArriveLive() {
        Instant recently = NOW.minus(HistoryWindow.WRITE_DEADLINE).plusMillis(1);
        List<HistoryEntry> entries = List.of(message(5, LONG_AGO), message(7, recently));

        Catchup catchup = WINDOW.catchUp(at(4), head(9, recently), entries, NOW);

        assertThat(catchup).isEqualTo(new Catchup(Optional.empty(), messages(entries), List.of()));
    }

    @Test
    void catchUp_givenHeadAllocatedLongerAgoThanTheDeadline_everyMissingSeqIsGone() {
        List<HistoryEntry> entries = List.of(message(5, LONG_AGO));

        Catchup catchup = WINDOW.catchUp(at(4), head(7, LONG_AGO), entries, NOW);

        assertThat(catchup.voids()).containsExactly(6L, 7L);
    }

    @Test
    void catchUp_givenExpiredMessagesFirst_isAnExpiredGapThenTheRest() {
        Instant expired = NOW.minus(WINDOW.retention());
        List<HistoryEntry> entries = List.of(new VoidSeq(position(5), expired), message(6, expired),
                message(8, LONG_AGO), new VoidSeq(position(9), LONG_AGO), message(10, LONG_AGO));

        Catchup catchup = WINDOW.catchUp(at(4), head(10, LONG_AGO), entries, NOW);

        assertThat(catchup.gap()).contains(new Gap(5, 7, GapReason.EXPIRED));
        assertThat(catchup.messages()).extracting(StoredMessage::seq).containsExactly(8L, 10L);
        assertThat(catchup.voids()).containsExactly(9L);
    }

    @Test
    void catchUp_givenNothingKeptOfAHistoryLongSettled_isOneExpiredGap() {
        Catchup catchup = WINDOW.catchUp(at(4), head(9, LONG_AGO), List.of(), NOW);

        assertThat(catchup).isEqualTo(new Catchup(Optional.of(new Gap(5, 9, GapReason.EXPIRED)), List.of(), List.of()));
    }

    @Test
    void catchUp_refusesAPositionOutsideTheWindow() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WINDOW.catchUp(at(4), head(15, LONG_AGO), List.of(), NOW));
    }

    private static HistoryHead head(long seq, Instant allocatedAt) {
        return new HistoryHead(new HistoryPosition(EPOCH, seq), Optional.ofNullable(allocatedAt));
    }

    private static HistoryPosition at(long seq) {
        return position(seq);
    }

    private static HistoryPosition position(long seq) {
        return new HistoryPosition(EPOCH, seq);
    }

    private static StoredMessage message(long seq, Instant sentAt) {
        var message = new ChatMessage(MessageId.random(), new ConnectionId("QW5u"), new DisplayName("Ann"),
                Optional.empty(), new MessageText("message " + seq), sentAt, Optional.of(ROOM), OptionalLong.of(seq));
        return new StoredMessage(position(seq), message);
    }

    private static List<StoredMessage> messages(List<HistoryEntry> entries) {
        var messages = new ArrayList<StoredMessage>();
        entries.forEach(entry -> messages.add((StoredMessage) entry));
        return messages;
    }
}
