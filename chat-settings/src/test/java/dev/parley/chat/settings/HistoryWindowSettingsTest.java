package dev.parley.chat.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.domain.model.HistoryWindow;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryWindowSettingsTest {

    @Test
    void givenNothingSet_fromEnvironment_isTheDefaultWindowAndRetention() {
        assertThat(HistoryWindowSettings.fromEnvironment(Map.of()))
                .isEqualTo(new HistoryWindow(1_000, Duration.ofDays(7)));
    }

    @Test
    void retention_isWholeDaysHoursOrMinutes_writtenInTheLargestUnitThatHoldsIt() {
        HistoryWindow window = HistoryWindowSettings.fromEnvironment(Map.of("HISTORY_WINDOW", "200",
                "HISTORY_RETENTION", "90m"));

        assertThat(window).isEqualTo(new HistoryWindow(200, Duration.ofMinutes(90)));
        assertThat(HistoryWindowSettings.toEnvironment(window))
                .isEqualTo(Map.of("HISTORY_WINDOW", "200", "HISTORY_RETENTION", "90m"));
        assertThat(HistoryWindowSettings.HISTORY_RETENTION.format(Duration.ofHours(48))).isEqualTo("2d");
        assertThat(HistoryWindowSettings.HISTORY_RETENTION.format(Duration.ofHours(36))).isEqualTo("36h");
        assertThat(HistoryWindowSettings.HISTORY_RETENTION.fromFlag(" 12h ")).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void givenRetentionOrWindowOutOfRange_fromEnvironment_namesTheVariableAndItsRange() {
        assertThatThrownBy(() -> HistoryWindowSettings.fromEnvironment(Map.of("HISTORY_RETENTION", "366d")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("HISTORY_RETENTION").hasMessageContaining("from 1m to 365d");
        assertThatThrownBy(() -> HistoryWindowSettings.fromEnvironment(Map.of("HISTORY_RETENTION", "7 days")))
                .isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> HistoryWindowSettings.HISTORY_WINDOW.fromFlag("0"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("--history-window must be a whole number from 1 to 1000, not '0'");
    }
}
