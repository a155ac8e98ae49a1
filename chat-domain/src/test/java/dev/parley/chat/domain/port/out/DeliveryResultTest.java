package dev.parley.chat.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeliveryResultTest {

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void givenAttemptsBelowOne_throttled_isRejected(int attempts) {
        assertThatIllegalArgumentException().isThrownBy(() -> new DeliveryResult.Throttled(attempts));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, Integer.MAX_VALUE})
    void givenOneOrMoreAttempts_throttled_keepsThemAsAThrottledOutcome(int attempts) {
        var throttled = new DeliveryResult.Throttled(attempts);

        assertThat(throttled.attempts()).isEqualTo(attempts);
        assertThat(throttled.outcome()).isEqualTo(DeliveryResult.Outcome.THROTTLED);
    }
}
