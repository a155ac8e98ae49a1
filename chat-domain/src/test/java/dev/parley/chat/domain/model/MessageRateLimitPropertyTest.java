package dev.parley.chat.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

class MessageRateLimitPropertyTest {

    private static final Instant START = Instant.parse("2026-11-25T10:15:30.123Z");

    /**
     * Over any stretch of time, at most {@code burst + perSecond × its length} messages get through. Time is the
     * latest a send has seen: a clock behind that (another instance's) takes tokens as if it were that late.
     */
    @Property(tries = 1000)
    void givenAnySendTimes_take_neverLetsMoreThroughThanBurstPlusRateTimesElapsedInAnyStretch(
            @ForAll("limits") MessageRateLimit limit, @ForAll("clockSteps") List<Long> stepsInNanos) {
        Optional<MessageAllowance> allowance = Optional.empty();
        Instant now = START;
        Instant latest = null;
        List<Long> passedAtNanos = new ArrayList<>();
        for (long step : stepsInNanos) {
            now = now.plusNanos(step);
            latest = latest == null || now.isAfter(latest) ? now : latest;
            MessageDecision decision = limit.take(allowance, now);
            if (decision instanceof MessageDecision.Allowed allowed) {
                allowance = Optional.of(allowed.after());
                passedAtNanos.add(Duration.between(START, latest).toNanos());
            }
        }

        boolean reachedTheBound = false;
        for (int first = 0; first < passedAtNanos.size(); first++) {
            for (int last = first; last < passedAtNanos.size(); last++) {
                int passed = last - first + 1;
                long stretchNanos = passedAtNanos.get(last) - passedAtNanos.get(first);
                double bound = limit.burst() + limit.perSecond() * stretchNanos / 1e9;
                // The limiter rounds in its own favour, so only the double arithmetic here needs a little slack.
                assertThat(passed).as("messages through in %d ns", stretchNanos).isLessThanOrEqualTo((int) (bound + 1e-9));
                reachedTheBound |= passed + 1 > bound;
            }
        }
        // Refusals must be common, and so must runs where the limit let through all it may: else this proves little.
        Statistics.label("refusals").collect(passedAtNanos.size() < stepsInNanos.size() ? "some refused" : "none refused");
        Statistics.label("bound").collect(reachedTheBound ? "reached" : "not reached");
        Statistics.label("refusals").coverage(coverage -> coverage.check("some refused").percentage(p -> p > 60));
        Statistics.label("bound").coverage(coverage -> coverage.check("reached").percentage(p -> p > 50));
    }

    @Property(tries = 1000)
    void givenRefusal_take_allowsTheMessageOnceRetryAfterHasPassed(
            @ForAll("limits") MessageRateLimit limit, @ForAll("tokensBelowOne") BigDecimal tokens,
            @ForAll @IntRange(min = 0, max = 10_000) int millisSinceLastTaken) {
        MessageAllowance allowance = new MessageAllowance(tokens, START);
        Instant now = START.plusMillis(millisSinceLastTaken);

        MessageDecision decision = limit.take(Optional.of(allowance), now);

        if (decision instanceof MessageDecision.Refused refused) {
            assertThat(limit.take(Optional.of(allowance), now.plus(refused.retryAfter())))
                    .isInstanceOf(MessageDecision.Allowed.class);
            assertThat(refused.retryAfter()).isLessThanOrEqualTo(limit.interval());
        }
        Statistics.collect(decision.getClass().getSimpleName());
        Statistics.coverage(coverage -> coverage.check("Refused").percentage(p -> p > 30));
    }

    @Property(tries = 1000)
    void givenSendsSpacedByTheInterval_take_neverRefusesASteadySender(
            @ForAll("limits") MessageRateLimit limit, @ForAll @IntRange(min = 1, max = 200) int messages) {
        Optional<MessageAllowance> allowance = Optional.empty();
        Instant now = START;
        for (int message = 0; message < messages; message++) {
            MessageDecision decision = limit.take(allowance, now);
            assertThat(decision).as("message %d", message).isInstanceOf(MessageDecision.Allowed.class);
            allowance = Optional.of(((MessageDecision.Allowed) decision).after());
            now = now.plus(limit.interval());
        }
    }

    @Provide
    Arbitrary<MessageRateLimit> limits() {
        Arbitrary<Double> rates = Arbitraries.oneOf(
                Arbitraries.of(0.5, 1.0, 3.0, 10.0, 100.0, 0.3, 7.0 / 3),
                Arbitraries.doubles().between(MessageRateLimit.MIN_PER_SECOND, 200).ofScale(3));
        return Combinators.combine(rates, Arbitraries.integers().between(1, 20)).as(MessageRateLimit::new);
    }

    /** Gaps between sends, mostly short (bursts), some long (pauses), a few backwards (another instance's clock). */
    @Provide
    Arbitrary<List<Long>> clockSteps() {
        Arbitrary<Long> step = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.just(0L)),
                Tuple.of(20, Arbitraries.longs().between(1, 50_000_000L)),
                Tuple.of(3, Arbitraries.longs().between(50_000_000L, 5_000_000_000L)),
                Tuple.of(1, Arbitraries.longs().between(-200_000_000L, -1)));
        return step.list().ofMinSize(10).ofMaxSize(300);
    }

    @Provide
    Arbitrary<BigDecimal> tokensBelowOne() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("0.999999")).ofScale(6);
    }
}
