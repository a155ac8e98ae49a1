package dev.parley.chat.domain.service;

import static dev.parley.chat.domain.service.ChatFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.domain.fakes.AdjustableClock;
import dev.parley.chat.adapter.out.memory.InMemoryLimitRegistry;
import dev.parley.chat.domain.model.MessageAllowance;
import dev.parley.chat.domain.model.MessageDecision;
import dev.parley.chat.domain.model.MessageRateLimit;
import dev.parley.chat.domain.model.PresenceKey;
import dev.parley.chat.domain.model.UserConnections;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.port.in.ChargeFrameCommand;
import dev.parley.chat.domain.port.in.FrameCharge;
import dev.parley.chat.domain.port.out.LimitRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChargeFrameServiceTest {

    private static final MessageRateLimit TEN_A_SECOND_BURST_OF_20 = new MessageRateLimit(10, 20);
    private static final UserId ADA = new UserId("auth0|ada");

    private final InMemoryLimitRegistry limits = new InMemoryLimitRegistry();
    private final AdjustableClock clock = new AdjustableClock(NOW);
    private final ChargeFrameService service = new ChargeFrameService(limits, clock, TEN_A_SECOND_BURST_OF_20);

    @Test
    void givenFirstFrame_charge_storesAFullBucketLessOneToken() {
        FrameCharge charge = service.charge(anonymous("Alice"));

        assertThat(charge).isEqualTo(new FrameCharge.Charged());
        assertThat(limits.allowance(anonymous("Alice").sender()))
                .contains(new MessageAllowance(BigDecimal.valueOf(19), NOW));
    }

    @Test
    void givenBurstSpentAtOneInstant_chargeOneMore_isRateLimitedUntilATokenRefills() {
        List<FrameCharge> burst = IntStream.range(0, 20).mapToObj(n -> service.charge(anonymous("Alice"))).toList();
        Optional<MessageAllowance> afterBurst = limits.allowance(anonymous("Alice").sender());

        FrameCharge oneMore = service.charge(anonymous("Alice"));

        assertThat(burst).containsOnly(new FrameCharge.Charged());
        assertThat(oneMore).isEqualTo(new FrameCharge.RateLimited(Duration.ofMillis(100)));
        assertThat(limits.allowance(anonymous("Alice").sender())).isEqualTo(afterBurst);
        clock.advance(Duration.ofMillis(100));
        assertThat(service.charge(anonymous("Alice"))).isEqualTo(new FrameCharge.Charged());
        assertThat(service.charge(anonymous("Alice"))).isInstanceOf(FrameCharge.RateLimited.class);
    }

    @Test
    void givenAUserThatSpentItsBurst_chargeOnANewConnection_isRateLimited() {
        IntStream.range(0, 20).forEach(n -> service.charge(ofAda("first tab")));

        FrameCharge reconnected = service.charge(ofAda("after reconnecting"));

        assertThat(reconnected).isEqualTo(new FrameCharge.RateLimited(Duration.ofMillis(100)));
    }

    @Test
    void givenAUserOnSeveralConnections_charge_takesEveryTokenFromOneBucket() {
        IntStream.range(0, 4).forEach(n -> service.charge(ofAda("tab" + n)));

        assertThat(limits.allowance(PresenceKey.of(ADA))).contains(new MessageAllowance(BigDecimal.valueOf(16), NOW));
    }

    @Test
    void givenAnonymousConnectionThatSpentItsBurst_chargeOfAnother_isCharged() {
        IntStream.range(0, 20).forEach(n -> service.charge(anonymous("Alice")));

        assertThat(service.charge(anonymous("Bob"))).isEqualTo(new FrameCharge.Charged());
    }

    @Test
    void givenOtherFramesTakingTokensMeanwhile_charge_rereadsAndTakesAfterThem() {
        var racing = new RacingLimits(limits, 3);
        var raced = new ChargeFrameService(racing, clock, TEN_A_SECOND_BURST_OF_20);

        FrameCharge charge = raced.charge(ofAda("tab"));

        assertThat(charge).isEqualTo(new FrameCharge.Charged());
        assertThat(racing.racesLost).isEqualTo(3);
        // Three rivals and this frame each took a token.
        assertThat(limits.allowance(PresenceKey.of(ADA))).contains(new MessageAllowance(BigDecimal.valueOf(16), NOW));
    }

    @Test
    void givenSenderLosingEveryRace_charge_isRateLimited() {
        var racing = new RacingLimits(limits, Integer.MAX_VALUE);
        var raced = new ChargeFrameService(racing, clock, TEN_A_SECOND_BURST_OF_20);

        FrameCharge charge = raced.charge(ofAda("tab"));

        assertThat(charge).isEqualTo(new FrameCharge.RateLimited(TEN_A_SECOND_BURST_OF_20.interval()));
        assertThat(racing.racesLost).isEqualTo(ChargeFrameService.MAX_ATTEMPTS);
    }

    @Test
    void givenARefusedSender_chargeBeforeItsWaitIsOver_isRefusedWithoutReadingTheStore() {
        var counting = new RacingLimits(limits, 0);
        var counted = new ChargeFrameService(counting, clock, TEN_A_SECOND_BURST_OF_20);
        IntStream.range(0, 20).forEach(n -> counted.charge(ofAda("tab")));
        assertThat(counted.charge(ofAda("tab"))).isEqualTo(new FrameCharge.RateLimited(Duration.ofMillis(100)));
        int readsWhenRefused = counting.reads;

        clock.advance(Duration.ofMillis(40));
        FrameCharge flood = counted.charge(ofAda("another tab"));
        clock.advance(Duration.ofMillis(60));
        FrameCharge waited = counted.charge(ofAda("tab"));

        assertThat(flood).isEqualTo(new FrameCharge.RateLimited(Duration.ofMillis(60)));
        assertThat(waited).isEqualTo(new FrameCharge.Charged());
        assertThat(counting.reads).isEqualTo(readsWhenRefused + 1);
    }

    @Test
    void givenTheLastTokenTaken_chargeOfTheNextFrame_isRefusedWithoutReadingTheStore() {
        var counting = new RacingLimits(limits, 0);
        var counted = new ChargeFrameService(counting, clock, TEN_A_SECOND_BURST_OF_20);
        IntStream.range(0, 20).forEach(n -> counted.charge(ofAda("tab")));
        int readsForTheBurst = counting.reads;

        FrameCharge next = counted.charge(ofAda("tab"));

        assertThat(next).isEqualTo(new FrameCharge.RateLimited(Duration.ofMillis(100)));
        assertThat(counting.reads).isEqualTo(readsForTheBurst);
    }

    @Test
    void givenManyFramesOfARefusedSenderAtOnce_charge_readsTheStoreOnce() throws Exception {
        // Another instance spent the burst: this one learns it from the store, once, however many frames arrive.
        var elsewhere = new ChargeFrameService(limits, clock, TEN_A_SECOND_BURST_OF_20);
        IntStream.range(0, 20).forEach(n -> elsewhere.charge(ofAda("tab")));
        var slow = new SlowLimits(limits);
        var here = new ChargeFrameService(slow, clock, TEN_A_SECOND_BURST_OF_20);
        int frames = 32;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(frames);
        try {
            List<Future<FrameCharge>> charges = IntStream.range(0, frames)
                    .mapToObj(n -> pool.submit(() -> {
                        start.await();
                        return here.charge(ofAda("tab" + n));
                    }))
                    .toList();
            start.countDown();
            for (Future<FrameCharge> charge : charges) {
                assertThat(charge.get(10, TimeUnit.SECONDS)).isInstanceOf(FrameCharge.RateLimited.class);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(slow.reads).hasValue(1);
    }

    @Test
    void givenATokenTaken_charge_letsTheStoreForgetTheAllowanceOnceItIsFullAgain() {
        var recording = new RacingLimits(limits, 0);
        var recorded = new ChargeFrameService(recording, clock, TEN_A_SECOND_BURST_OF_20);

        recorded.charge(ofAda("tab"));

        assertThat(recording.fullAgainAt).isEqualTo(NOW.plusMillis(100));
    }

    private static ChargeFrameCommand anonymous(String name) {
        return new ChargeFrameCommand(ChatFixture.idOf(name), Optional.empty());
    }

    private static ChargeFrameCommand ofAda(String tab) {
        return new ChargeFrameCommand(ChatFixture.idOf(tab), Optional.of(ADA));
    }

    /** The shared store's limits, with what a test wants to see of them around its allowance reads and takes. */
    private abstract static class LimitsAround implements LimitRegistry {

        final LimitRegistry shared;

        LimitsAround(LimitRegistry shared) {
            this.shared = shared;
        }

        @Override
        public Optional<MessageAllowance> allowance(PresenceKey sender) {
            return shared.allowance(sender);
        }

        @Override
        public boolean takeToken(PresenceKey sender, MessageDecision.Allowed taken, Instant fullAgainAt) {
            return shared.takeToken(sender, taken, fullAgainAt);
        }

        @Override
        public UserConnections connectionsOf(UserId user) {
            return shared.connectionsOf(user);
        }

        @Override
        public boolean replaceConnections(UserId user, UserConnections before, UserConnections after) {
            return shared.replaceConnections(user, before, after);
        }
    }

    /** A store whose reads take a while, as DynamoDB's do, so that frames charged at once overlap. */
    private static final class SlowLimits extends LimitsAround {

        final AtomicInteger reads = new AtomicInteger();

        SlowLimits(LimitRegistry shared) {
            super(shared);
        }

        @Override
        public Optional<MessageAllowance> allowance(PresenceKey sender) {
            reads.incrementAndGet();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return super.allowance(sender);
        }
    }

    /**
     * The limits as another instance sharing the store sees them: just before each of the first {@code races} takes,
     * that instance takes a token of the same sender.
     */
    private static final class RacingLimits extends LimitsAround {

        private final int races;
        int racesLost;
        int reads;
        Instant fullAgainAt;

        RacingLimits(LimitRegistry shared, int races) {
            super(shared);
            this.races = races;
        }

        @Override
        public Optional<MessageAllowance> allowance(PresenceKey sender) {
            reads++;
            return super.allowance(sender);
        }

        @Override
        public boolean takeToken(PresenceKey sender, MessageDecision.Allowed taken, Instant fullAgainAt) {
            if (racesLost < races) {
                var rival = (MessageDecision.Allowed) TEN_A_SECOND_BURST_OF_20.take(shared.allowance(sender), NOW);
                assertThat(shared.takeToken(sender, rival, fullAgainAt)).isTrue();
                racesLost++;
            }
            this.fullAgainAt = fullAgainAt;
            return super.takeToken(sender, taken, fullAgainAt);
        }
    }
}
