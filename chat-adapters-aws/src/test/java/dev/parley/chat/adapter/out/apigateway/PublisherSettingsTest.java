package dev.parley.chat.adapter.out.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PublisherSettingsTest {

    private static final Duration MS = Duration.ofMillis(1);
    private static final CallbackRate RATE = CallbackRate.ACCOUNT_DEFAULT;

    @Test
    void givenDefaults_backoffCeiling_doublesFromBaseUpToTheCap() {
        PublisherSettings settings = PublisherSettings.defaults();

        assertThat(IntStream.rangeClosed(1, settings.maxAttempts())
                .mapToObj(failed -> settings.backoffCeiling(failed).toMillis()))
                .containsExactly(25L, 50L, 100L, 200L, 400L, 800L, 1000L, 1000L);
    }

    @Test
    void givenManyFailures_backoffCeiling_staysAtTheCap() {
        PublisherSettings settings = new PublisherSettings(1, 100, MS, Duration.ofSeconds(10), RATE);

        assertThat(settings.backoffCeiling(99)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void givenNoFailure_backoffCeiling_throws() {
        assertThatThrownBy(() -> PublisherSettings.defaults().backoffCeiling(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("failedAttempts");
    }

    @Test
    void givenNoConcurrency_create_throwsClearError() {
        assertThatThrownBy(() -> new PublisherSettings(0, 1, MS, MS, RATE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxConcurrentSends must be at least 1, was 0");
    }

    @Test
    void givenNoAttempt_create_throwsClearError() {
        assertThatThrownBy(() -> new PublisherSettings(1, 0, MS, MS, RATE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxAttempts must be at least 1, was 0");
    }

    @Test
    void givenMissingBackoff_create_throwsClearError() {
        assertThatThrownBy(() -> new PublisherSettings(1, 1, null, MS, RATE))
                .isInstanceOf(NullPointerException.class).hasMessage("baseBackoff");
    }

    @Test
    void givenBackoffOutOfBounds_create_throwsClearError() {
        assertThatThrownBy(() -> new PublisherSettings(1, 1, Duration.ZERO, MS, RATE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("baseBackoff must be between");
        assertThatThrownBy(() -> new PublisherSettings(1, 1, MS, Duration.ofMinutes(1), RATE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("maxBackoff must be between");
    }

    @Test
    void givenMissingSendRate_create_throwsClearError() {
        assertThatThrownBy(() -> new PublisherSettings(1, 1, MS, MS, null))
                .isInstanceOf(NullPointerException.class).hasMessage("callbackRate");
    }

    @Test
    void givenDefaults_concurrencyAndPace_coverTheAccountRateAt20MsACall() {
        PublisherSettings settings = PublisherSettings.defaults();

        assertThat(settings.callbackRate()).isEqualTo(new CallbackRate(10_000, 5_000));
        assertThat(settings.maxConcurrentSends() / 0.020).as("sends per second at 20 ms each")
                .isGreaterThanOrEqualTo(2.0 * settings.callbackRate().perSecond());
    }

    @Test
    void givenARegionsLowerQuota_withCallbackRate_changesThePaceAndNothingElse() {
        PublisherSettings defaults = PublisherSettings.defaults();

        PublisherSettings paced = defaults.withCallbackRate(new CallbackRate(2_500, 1_250));

        assertThat(paced.callbackRate()).isEqualTo(new CallbackRate(2_500, 1_250));
        assertThat(paced).usingRecursiveComparison().ignoringFields("callbackRate").isEqualTo(defaults);
    }

    @Test
    void givenMaxBackoffBelowBase_create_throwsClearError() {
        assertThatThrownBy(() -> new PublisherSettings(1, 1, Duration.ofMillis(10), MS, RATE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxBackoff (PT0.001S) must not be shorter than baseBackoff (PT0.01S)");
    }
}
