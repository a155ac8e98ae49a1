package dev.parley.chat.adapter.out.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.domain.fakes.AdjustableClock;
import dev.parley.chat.domain.model.HistoryEntry;
import dev.parley.chat.domain.model.HistoryPosition;
import dev.parley.chat.domain.model.HistoryWindow;
import dev.parley.chat.domain.model.StoredMessage;
import dev.parley.chat.domain.port.out.AbstractMessageHistoryTest;
import dev.parley.chat.domain.port.out.MessageHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The history contract, and how the in-memory history stays bounded: expiry by its clock, and a room's latest only. */
class InMemoryMessageHistoryTest extends AbstractMessageHistoryTest {

    /** Enough for the contract's largest room (its racing senders' 5,000 messages). */
    private static final int KEEPS_EVERY_CONTRACT_ENTRY = 5_000;

    private AdjustableClock clock;

    @Override
    protected MessageHistory createEmptyHistory() {
        clock = new AdjustableClock(NOW);
        return new InMemoryMessageHistory(clock, KEEPS_EVERY_CONTRACT_ENTRY);
    }

    @Override
    protected void clockAt(Instant instant) {
        clock.advance(Duration.between(clock.instant(), instant));
    }

    @Test
    void givenTheClockPastAnEntrysExpiry_aWrite_dropsItInEveryRoom() {
        var history = (InMemoryMessageHistory) createEmptyHistory();
        Expiring expiring = storeExpiring(history, NOW.plusSeconds(60));
        var kept = storedMessage(ROOM, history.allocate(ROOM, NOW), "kept", Optional.empty());
        history.store(kept, EXPIRES);

        clockAt(NOW.plusSeconds(61));
        var late = storedMessage(ROOM, history.allocate(ROOM, NOW.plusSeconds(61)), "later", Optional.empty());
        history.store(late, EXPIRES);

        assertThat(history.entries(ROOM, HistoryPosition.start(kept.position().epoch()), 4)).containsExactly(kept, late);
        assertThat(history.latest(OTHER_ROOM, expiring.elsewhere().position().epoch(), 2, 10)).isEmpty();
        assertThat(history.head(OTHER_ROOM).latest()).isEqualTo(expiring.elsewhere().position());
    }

    @Test
    void aRoom_keepsItsLatestEntriesOnly_andGoesOnFromItsHead() {
        var history = new InMemoryMessageHistory(clock, 3);
        for (int i = 1; i <= 5; i++) {
            history.store(storedMessage(ROOM, history.allocate(ROOM, NOW), "message " + i, Optional.empty()), EXPIRES);
        }

        var epoch = history.head(ROOM).epoch();
        assertThat(history.entries(ROOM, HistoryPosition.start(epoch), 5)).extracting(HistoryEntry::seq)
                .containsExactly(3L, 4L, 5L);
        assertThat(history.allocate(ROOM, NOW).seq()).isEqualTo(6);
    }

    @Test
    void forAWindow_keepsWhatAResumeOrTheLatestAfterAGapReads() {
        var history = InMemoryMessageHistory.forWindow(new HistoryWindow(200, Duration.ofDays(1)), clock);
        var small = InMemoryMessageHistory.forWindow(new HistoryWindow(10, Duration.ofDays(1)), clock);
        for (int i = 1; i <= 300; i++) {
            for (InMemoryMessageHistory each : new InMemoryMessageHistory[] {history, small}) {
                each.store(storedMessage(ROOM, each.allocate(ROOM, NOW), "m" + i, Optional.empty()), EXPIRES);
            }
        }

        assertThat(history.entries(ROOM, HistoryPosition.start(history.head(ROOM).epoch()), 300))
                .extracting(HistoryEntry::seq).containsExactlyElementsOf(LongStream.rangeClosed(101, 300).boxed().toList());
        assertThat(small.latest(ROOM, small.head(ROOM).epoch(), 301, 100)).hasSize(HistoryWindow.LATEST_AFTER_GAP + 1)
                .allMatch(StoredMessage.class::isInstance);
    }
}
