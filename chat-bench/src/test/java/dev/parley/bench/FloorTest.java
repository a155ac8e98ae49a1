package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FloorTest {

    private static final Duration LATENCY = Duration.ofMillis(20);

    @Test
    void givenApiGatewaysAccountRate_duration_isTheBurstAtOnceThenTheRateThenOneRoundTrip() {
        assertThat(new Floor(10_000, 10_000, 5_000, LATENCY).duration()).isEqualTo(Duration.ofMillis(520));
        assertThat(new Floor(100_000, 10_000, 5_000, LATENCY).duration()).isEqualTo(Duration.ofMillis(9_520));
    }

    @Test
    void givenFewerRecipientsThanTheBurst_duration_isOneRoundTrip() {
        assertThat(new Floor(4_000, 10_000, 5_000, LATENCY).duration()).isEqualTo(LATENCY);
    }

    @Test
    void givenNonsense_create_throwsClearError() {
        assertThatThrownBy(() -> new Floor(-1, 10_000, 5_000, LATENCY)).hasMessageContaining("recipients >= 0");
        assertThatThrownBy(() -> new Floor(1, 0, 5_000, LATENCY)).hasMessageContaining("rate > 0");
    }
}
