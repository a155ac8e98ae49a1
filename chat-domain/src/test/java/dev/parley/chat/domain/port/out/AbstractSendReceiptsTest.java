package dev.parley.chat.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.domain.model.ClientMessageId;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.Epoch;
import dev.parley.chat.domain.model.HistoryPosition;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.ResendKey;
import dev.parley.chat.domain.model.SendReceipt;
import dev.parley.chat.domain.model.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link SendReceipts} adapter must have; each adapter's test supplies an empty one. */
public abstract class AbstractSendReceiptsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00.125Z");
    private static final Connection ANN = new Connection(new ConnectionId("QW5uLWNvbm4="), new DisplayName("Ann"), NOW,
            Optional.of(new UserId("ann")));
    private static final ResendKey KEY = ResendKey.of(ANN, new ClientMessageId("m1"));

    private SendReceipts receipts;

    protected abstract SendReceipts createEmptyReceipts();

    @BeforeEach
    void createReceipts() {
        receipts = createEmptyReceipts();
    }

    @Test
    void claim_ofAFreeKeySucceeds_andTheNextClaimIsToldTheFirst() {
        var first = receipt(NOW);

        assertThat(receipts.claim(KEY, first, NOW)).isEmpty();
        assertThat(receipts.claim(KEY, receipt(NOW.plusSeconds(5)), NOW.plusSeconds(5))).contains(first);
        assertThat(receipts.claim(ResendKey.of(ANN, new ClientMessageId("m2")), receipt(NOW), NOW)).isEmpty();
    }

    @Test
    void givenExpiredReceipt_claim_succeeds() {
        receipts.claim(KEY, receipt(NOW), NOW);
        Instant dayLater = NOW.plus(SendReceipt.RESEND_WINDOW);
        var second = receipt(dayLater);

        assertThat(receipts.claim(KEY, second, dayLater)).isEmpty();
        assertThat(receipts.claim(KEY, receipt(dayLater), dayLater.plusSeconds(1))).contains(second);
    }

    @Test
    void settle_givesTheClaimItsPosition_onlyForTheMessageThatHoldsIt() {
        var first = receipt(NOW);
        receipts.claim(KEY, first, NOW);
        var position = new HistoryPosition(Epoch.random(), 41);

        receipts.settle(KEY, receipt(NOW).storedAt(new HistoryPosition(Epoch.random(), 7)));
        receipts.settle(KEY, first.storedAt(position));

        assertThat(receipts.claim(KEY, receipt(NOW), NOW.plusSeconds(1))).contains(first.storedAt(position));
    }

    @Test
    void release_freesTheKey_onlyForTheMessageThatHoldsIt() {
        var first = receipt(NOW);
        receipts.claim(KEY, first, NOW);

        receipts.release(KEY, MessageId.random());
        assertThat(receipts.claim(KEY, receipt(NOW), NOW)).contains(first);

        receipts.release(KEY, first.id());
        assertThat(receipts.claim(KEY, receipt(NOW), NOW)).isEmpty();
    }

    @Test
    void racingClaims_exactlyOneSucceeds() throws Exception {
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        var start = new CountDownLatch(1);
        try {
            var futures = new ArrayList<Future<Optional<SendReceipt>>>();
            for (int i = 0; i < racers; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return receipts.claim(KEY, receipt(NOW), NOW);
                }));
            }
            start.countDown();
            int won = 0;
            for (var future : futures) {
                won += future.get(1, TimeUnit.MINUTES).isEmpty() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static SendReceipt receipt(Instant at) {
        return new SendReceipt(MessageId.random(), at, Optional.empty());
    }
}
