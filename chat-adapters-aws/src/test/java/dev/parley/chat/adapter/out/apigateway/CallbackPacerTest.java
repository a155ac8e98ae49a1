package dev.parley.chat.adapter.out.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CallbackPacerTest {

    /** 1,000 per second: one token per millisecond. */
    private static final long INTERVAL = 1_000_000;

    private final AtomicLong now = new AtomicLong(42 * INTERVAL);

    @Test
    void givenFullBucket_reserve_grantsTheBurstAtOnceThenOneTokenPerInterval() {
        var pacer = new CallbackPacer(new CallbackRate(1_000, 3), now::get);

        assertThat(IntStream.range(0, 6).mapToLong(n -> pacer.reserve()))
                .containsExactly(0L, 0L, 0L, INTERVAL, 2 * INTERVAL, 3 * INTERVAL);
    }

    @Test
    void givenIdleTime_reserve_refillsUpToTheBurstOnly() {
        var pacer = new CallbackPacer(new CallbackRate(1_000, 2), now::get);
        pacer.reserve();
        pacer.reserve();

        now.addAndGet(100 * INTERVAL);

        assertThat(IntStream.range(0, 3).mapToLong(n -> pacer.reserve())).containsExactly(0L, 0L, INTERVAL);
    }

    @Test
    void givenSendsAtTheRate_reserve_neverMakesThemWait() {
        var pacer = new CallbackPacer(new CallbackRate(1_000, 1), now::get);

        for (int n = 0; n < 100; n++) {
            assertThat(pacer.reserve()).isZero();
            now.addAndGet(INTERVAL);
        }
    }

    @Test
    void givenUnspentBurst_drain_leavesOnlyTheSustainedRate() {
        var pacer = new CallbackPacer(new CallbackRate(1_000, 5_000), now::get);
        pacer.reserve();

        pacer.drain();

        assertThat(IntStream.range(0, 3).mapToLong(n -> pacer.reserve()))
                .containsExactly(INTERVAL, 2 * INTERVAL, 3 * INTERVAL);
    }

    @Test
    void givenReservationsFurtherAhead_drain_keepsThem() {
        var pacer = new CallbackPacer(new CallbackRate(1_000, 1), now::get);
        IntStream.range(0, 10).forEach(n -> pacer.reserve());

        pacer.drain();

        assertThat(pacer.reserve()).isEqualTo(10 * INTERVAL);
    }

    @Test
    void givenNonsenseRate_create_throwsClearError() {
        assertThatThrownBy(() -> new CallbackRate(0, 1)).hasMessage("perSecond must be at least 1, was 0");
        assertThatThrownBy(() -> new CallbackRate(1, 0)).hasMessage("burst must be at least 1, was 0");
    }
}
