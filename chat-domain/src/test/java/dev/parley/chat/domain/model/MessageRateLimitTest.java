package dev.parley.chat.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageRateLimitTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30.123Z");
    private static final MessageRateLimit TEN_A_SECOND_BURST_OF_20 = new MessageRateLimit(10, 20);

    @Test
    void givenNothingSentYet_take_startsFromAFullBucket() {
        MessageDecision decision = TEN_A_SECOND_BURST_OF_20.take(Optional.empty(), NOW);

        assertThat(decision).isEqualTo(new MessageDecision.Allowed(Optional.empty(), allowance("19", NOW)));
    }

    @Test
    void givenBurstTakenAtOneInstant_take_refusesTheNextUntilOneTokenRefills() {
        Optional<MessageAllowance> current = Optional.empty();
        for (int message = 1; message <= 20; message++) {
            MessageDecision decision = TEN_A_SECOND_BURST_OF_20.take(current, NOW);
            assertThat(decision).as("message %d", message).isInstanceOf(MessageDecision.Allowed.class);
            current = Optional.of(((MessageDecision.Allowed) decision).after());
        }

        assertThat(current).contains(allowance("0", NOW));
        assertThat(TEN_A_SECOND_BURST_OF_20.take(current, NOW)).isEqualTo(new MessageDecision.Refused(Duration.ofMillis(100)));
        assertThat(TEN_A_SECOND_BURST_OF_20.take(current, NOW.plusMillis(99)))
                .isEqualTo(new MessageDecision.Refused(Duration.ofMillis(1)));
        assertThat(TEN_A_SECOND_BURST_OF_20.take(current, NOW.plusMillis(100)))
                .isEqualTo(new MessageDecision.Allowed(current, allowance("0", NOW.plusMillis(100))));
    }

    @Test
    void givenHalfATokenLeft_take_refusesForTheTimeTheOtherHalfTakes() {
        MessageRateLimit twoASecond = new MessageRateLimit(2, 5);

        MessageDecision decision = twoASecond.take(Optional.of(allowance("0.5", NOW)), NOW);

        assertThat(decision).isEqualTo(new MessageDecision.Refused(Duration.ofMillis(250)));
    }

    @Test
    void givenLongSilence_take_refillsNoMoreThanTheBurst() {
        Optional<MessageAllowance> emptied = Optional.of(allowance("0", NOW));

        MessageDecision decision = TEN_A_SECOND_BURST_OF_20.take(emptied, NOW.plus(Duration.ofHours(1)));

        assertThat(decision).isEqualTo(new MessageDecision.Allowed(emptied, allowance("19", NOW.plus(Duration.ofHours(1)))));
    }

    @Test
    void givenMoreTokensThanABurstMadeSmallerSince_take_capsThemAtTheNewBurst() {
        MessageRateLimit smaller = new MessageRateLimit(10, 5);
        Optional<MessageAllowance> underTheOldBurst = Optional.of(allowance("19", NOW));

        MessageDecision decision = smaller.take(underTheOldBurst, NOW.plusMillis(1));

        assertThat(decision).isEqualTo(new MessageDecision.Allowed(underTheOldBurst, allowance("4", NOW.plusMillis(1))));
    }

    @Test
    void givenClockBehindTheAllowance_take_refillsNothingAndKeepsItsTime() {
        Optional<MessageAllowance> ahead = Optional.of(allowance("3.5", NOW));

        MessageDecision decision = TEN_A_SECOND_BURST_OF_20.take(ahead, NOW.minusSeconds(5));

        assertThat(decision).isEqualTo(new MessageDecision.Allowed(ahead, allowance("2.5", NOW)));
    }

    @Test
    void givenFractionalRate_take_refillsByTheElapsedNanosecondsRoundedDownToAMillionth() {
        MessageRateLimit thirdOfATokenASecond = new MessageRateLimit(0.3, 3);
        Optional<MessageAllowance> one = Optional.of(allowance("1", NOW));

        MessageDecision decision = thirdOfATokenASecond.take(one, NOW.plusNanos(1_000_001));

        // 0.3 × 0.001000001 s = 0.0003000003 tokens, of which 0.000300 count.
        assertThat(decision).isEqualTo(new MessageDecision.Allowed(one, allowance("0.000300", NOW.plusNanos(1_000_001))));
    }

    @Test
    void givenRate_interval_isTheTimeOneTokenTakes() {
        assertThat(TEN_A_SECOND_BURST_OF_20.interval()).isEqualTo(Duration.ofMillis(100));
        assertThat(new MessageRateLimit(3, 1).interval()).isEqualTo(Duration.ofNanos(333_333_334));
        assertThat(new MessageRateLimit(MessageRateLimit.MIN_PER_SECOND, 1).interval()).isEqualTo(Duration.ofSeconds(1000));
    }

    @ParameterizedTest
    @CsvSource({
            "0, 20, 'the send rate must be 0.001 to 1000000 messages a second, not 0.0'",
            "-1, 20, 'not -1.0'",
            "0.0009, 20, 'not 9.0E-4'",
            "1000001, 20, 'not 1000001.0'",
            "NaN, 20, 'not NaN'",
            "Infinity, 20, 'not Infinity'",
            "10, 0, 'the send burst must be 1 to 1000000 messages, not 0'",
            "10, -3, 'not -3'",
            "10, 1000001, 'not 1000001'"})
    void givenOutOfRangeRateOrBurst_construct_isRejectedSayingWhatIsAllowed(double perSecond, int burst, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> new MessageRateLimit(perSecond, burst))
                .withMessageContaining(message);
    }

    @Test
    void givenNegativeTokens_constructAllowance_isRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> allowance("-0.000001", NOW))
                .withMessageContaining("fewer than 0 tokens");
    }

    @Test
    void givenTokensWrittenDifferently_constructAllowance_isTheSameAllowance() {
        assertThat(allowance("19.5", NOW)).isEqualTo(allowance("19.500000", NOW));
        assertThat(allowance("19.5000009", NOW)).isEqualTo(allowance("19.5", NOW));
    }

    private static MessageAllowance allowance(String tokens, Instant at) {
        return new MessageAllowance(new BigDecimal(tokens), at);
    }
}
