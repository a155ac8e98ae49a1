package dev.parley.chat.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.parley.chat.domain.model.ChatMessage;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.HistoryEntry;
import dev.parley.chat.domain.model.HistoryHead;
import dev.parley.chat.domain.model.HistoryPosition;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.StoredMessage;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.model.VoidSeq;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link MessageHistory} adapter must have. Each adapter's test extends this class and supplies a
 * history holding no room.
 */
public abstract class AbstractMessageHistoryTest {

    protected static final Instant NOW = Instant.parse("2026-12-03T08:00:00.125Z");
    protected static final Instant EXPIRES = NOW.plus(Duration.ofDays(7));
    protected static final RoomName ROOM = new RoomName("design");
    protected static final RoomName OTHER_ROOM = new RoomName("team-a.random:1");
    private static final ConnectionId ANN = new ConnectionId("QW5uLWNvbm4=");

    private MessageHistory history;

    /** A history that holds no room, its clock (if it has one) at {@link #NOW}; called before each test. */
    protected abstract MessageHistory createEmptyHistory();

    /**
     * Moves the clock of a history that drops expired entries by one (the in-memory history) to {@code instant}; a
     * history whose store deletes them on its own time (DynamoDB's TTL) has no clock to move.
     */
    protected void clockAt(Instant instant) {}

    /** Issue 18's measure: 50 senders racing 100 messages each to one room get seqs 1 to 5,000, each once. */
    private static final int RACING_SENDERS = 50;
    private static final int MESSAGES_PER_RACING_SENDER = 100;

    @BeforeEach
    void createHistory() {
        history = createEmptyHistory();
    }

    @Test
    void givenNewRoom_head_startsAnEpochAtSeqZeroAndKeepsIt() {
        HistoryHead head = history.head(ROOM);

        assertThat(head.seq()).isZero();
        assertThat(head.allocatedAt()).isEmpty();
        assertThat(history.head(ROOM)).isEqualTo(head);
        assertThat(history.head(OTHER_ROOM).epoch()).isNotEqualTo(head.epoch());
    }

    @Test
    void allocate_givesTheNextSeqOfTheEpochAndMovesTheHead() {
        var epoch = history.head(ROOM).epoch();

        HistoryPosition first = history.allocate(ROOM, NOW);
        HistoryPosition second = history.allocate(ROOM, NOW.plusSeconds(1));

        assertThat(first).isEqualTo(new HistoryPosition(epoch, 1));
        assertThat(second).isEqualTo(new HistoryPosition(epoch, 2));
        assertThat(history.head(ROOM)).isEqualTo(new HistoryHead(second, Optional.of(NOW.plusSeconds(1))));
        assertThat(history.head(OTHER_ROOM).seq()).isZero();
    }

    @Test
    void givenRoomNeverRead_allocate_startsItsHistoryAtOne() {
        HistoryPosition first = history.allocate(ROOM, NOW);

        assertThat(first.seq()).isEqualTo(1);
        assertThat(history.head(ROOM).latest()).isEqualTo(first);
    }

    @Test
    void store_keepsTheMessageAsItCame() {
        var stored = storedMessage(ROOM, history.allocate(ROOM, NOW), "hi \u0007 there ✓",
                Optional.of(new UserId("user-42")));

        history.store(stored, EXPIRES);

        assertThat(history.entries(ROOM, HistoryPosition.start(stored.position().epoch()), 1)).containsExactly(stored);
        assertThat(history.latest(ROOM, stored.position().epoch(), 2, 10)).containsExactly(stored);
    }

    @Test
    void anEntryIsKeptUntilItExpires_whateverIsWrittenAfterIt() {
        Expiring expiring = storeExpiring(history, NOW.plusSeconds(60));

        clockAt(NOW.plusSeconds(60)); // the last moment they are kept
        var late = storedMessage(ROOM, history.allocate(ROOM, NOW.plusSeconds(60)), "later", Optional.empty());
        history.store(late, EXPIRES);

        assertThat(history.entries(ROOM, HistoryPosition.start(late.position().epoch()), 3))
                .containsExactly(expiring.message(), expiring.voided(), late);
        assertThat(history.latest(OTHER_ROOM, expiring.elsewhere().position().epoch(), 2, 10))
                .containsExactly(expiring.elsewhere());
    }

    /** Entries written {@link #NOW} to expire together: a message and a void seq in one room, a message in another. */
    protected record Expiring(StoredMessage message, VoidSeq voided, StoredMessage elsewhere) {}

    /** Writes the {@link Expiring} entries into {@code history}, to expire at {@code expiresAt}. */
    protected static Expiring storeExpiring(MessageHistory history, Instant expiresAt) {
        var message = storedMessage(ROOM, history.allocate(ROOM, NOW), "expires", Optional.empty());
        history.store(message, expiresAt);
        HistoryPosition failed = history.allocate(ROOM, NOW);
        history.markVoid(ROOM, failed, NOW, expiresAt);
        var elsewhere = storedMessage(OTHER_ROOM, history.allocate(OTHER_ROOM, NOW), "elsewhere", Optional.empty());
        history.store(elsewhere, expiresAt);
        return new Expiring(message, new VoidSeq(failed, NOW), elsewhere);
    }

    @Test
    void givenSeqHoldingAMessage_store_refusesAndKeepsTheFirst() {
        HistoryPosition position = history.allocate(ROOM, NOW);
        var first = storedMessage(ROOM, position, "first", Optional.empty());
        history.store(first, EXPIRES);

        assertThatIllegalStateException()
                .isThrownBy(() -> history.store(storedMessage(ROOM, position, "second", Optional.empty()), EXPIRES));
        assertThat(history.entries(ROOM, HistoryPosition.start(position.epoch()), 1)).containsExactly(first);
    }

    @Test
    void markVoid_marksAnEmptySeqButNeverOneHoldingAMessage() {
        HistoryPosition stored = history.allocate(ROOM, NOW);
        HistoryPosition failed = history.allocate(ROOM, NOW);
        var message = storedMessage(ROOM, stored, "kept", Optional.empty());
        history.store(message, EXPIRES);

        history.markVoid(ROOM, failed, NOW.plusSeconds(2), EXPIRES);
        history.markVoid(ROOM, stored, NOW.plusSeconds(2), EXPIRES);

        assertThat(history.entries(ROOM, HistoryPosition.start(stored.epoch()), 2))
                .containsExactly(message, new VoidSeq(failed, NOW.plusSeconds(2)));
        assertThatIllegalStateException()
                .isThrownBy(() -> history.store(storedMessage(ROOM, failed, "late", Optional.empty()), EXPIRES));
    }

    @Test
    void entries_areThoseAfterThePositionUpToTheSeqInOrder_ofThatRoomOnly() {
        List<StoredMessage> stored = storeMessages(ROOM, 6);
        storeMessages(OTHER_ROOM, 3);
        var epoch = stored.get(0).position().epoch();

        assertThat(history.entries(ROOM, new HistoryPosition(epoch, 2), 5)).containsExactlyElementsOf(stored.subList(2, 5));
        assertThat(history.entries(ROOM, new HistoryPosition(epoch, 0), 6)).containsExactlyElementsOf(stored);
        assertThat(history.entries(ROOM, new HistoryPosition(epoch, 6), 6)).isEmpty();
    }

    @Test
    void latest_areThoseBeforeTheSeqLatestFirst_upToTheLimit() {
        List<StoredMessage> stored = storeMessages(ROOM, 6);
        var epoch = stored.get(0).position().epoch();

        assertThat(history.latest(ROOM, epoch, 5, 3))
                .containsExactly(stored.get(3), stored.get(2), stored.get(1));
        assertThat(history.latest(ROOM, epoch, 7, 100)).hasSize(6).first().isEqualTo(stored.get(5));
        assertThat(history.latest(ROOM, epoch, 1, 100)).isEmpty();
    }

    @Test
    void givenHistoryLargerThanOneRead_entriesAndLatest_returnAllOfIt() {
        int count = 300;
        String text = "x".repeat(4_000);
        var epoch = history.head(ROOM).epoch();
        var stored = new ArrayList<StoredMessage>();
        for (int i = 0; i < count; i++) {
            var message = storedMessage(ROOM, history.allocate(ROOM, NOW), text + i, Optional.empty());
            history.store(message, EXPIRES);
            stored.add(message);
        }

        assertThat(history.entries(ROOM, HistoryPosition.start(epoch), count)).containsExactlyElementsOf(stored);
        assertThat(history.latest(ROOM, epoch, count + 1, count)).hasSize(count).last().isEqualTo(stored.get(0));
    }

    @Test
    void reset_startsANewEpochWhoseSeqsStartAgain_andLeavesTheOldOnesEntries() {
        List<StoredMessage> old = storeMessages(ROOM, 3);
        var oldEpoch = old.get(0).position().epoch();

        HistoryHead fresh = history.reset(ROOM);
        HistoryPosition first = history.allocate(ROOM, NOW);

        assertThat(fresh.epoch()).isNotEqualTo(oldEpoch);
        assertThat(fresh.seq()).isZero();
        assertThat(first).isEqualTo(new HistoryPosition(fresh.epoch(), 1));
        assertThat(history.entries(ROOM, HistoryPosition.start(fresh.epoch()), 1)).isEmpty();
        assertThat(history.entries(ROOM, HistoryPosition.start(oldEpoch), 3)).containsExactlyElementsOf(old);
    }

    @Test
    void racingSenders_getEverySeqOnce_withNoHoles() throws Exception {
        int senders = RACING_SENDERS;
        int each = MESSAGES_PER_RACING_SENDER;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        var start = new CountDownLatch(1);
        try {
            var futures = new ArrayList<Future<List<Long>>>();
            for (int s = 0; s < senders; s++) {
                int sender = s;
                futures.add(pool.submit(() -> {
                    start.await();
                    var seqs = new ArrayList<Long>();
                    for (int m = 0; m < each; m++) {
                        HistoryPosition position = history.allocate(ROOM, NOW);
                        history.store(storedMessage(ROOM, position, sender + "/" + m, Optional.empty()), EXPIRES);
                        seqs.add(position.seq());
                    }
                    return seqs;
                }));
            }
            start.countDown();
            var allocated = new ArrayList<Long>();
            for (var future : futures) {
                allocated.addAll(future.get(5, TimeUnit.MINUTES));
            }
            long total = (long) senders * each;
            assertThat(allocated).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
            List<HistoryEntry> entries =
                    history.entries(ROOM, HistoryPosition.start(history.head(ROOM).epoch()), total);
            assertThat(entries).extracting(HistoryEntry::seq)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
            assertThat(entries).extracting(entry -> ((StoredMessage) entry).message().text().value())
                    .doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }

    private List<StoredMessage> storeMessages(RoomName room, int count) {
        var stored = new ArrayList<StoredMessage>();
        for (int i = 1; i <= count; i++) {
            var message = storedMessage(room, history.allocate(room, NOW), "message " + i, Optional.empty());
            history.store(message, EXPIRES);
            stored.add(message);
        }
        return stored;
    }

    protected static StoredMessage storedMessage(
            RoomName room, HistoryPosition position, String text, Optional<UserId> userId) {
        var message = new ChatMessage(MessageId.random(), ANN, new DisplayName("Ann"), userId, new MessageText(text),
                NOW.plusMillis(position.seq()), Optional.of(room), OptionalLong.of(position.seq()));
        return new StoredMessage(position, message);
    }
}
