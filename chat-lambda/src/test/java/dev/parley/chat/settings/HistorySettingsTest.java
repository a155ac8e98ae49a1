package dev.parley.chat.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.domain.model.HistoryWindow;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistorySettingsTest {

    @Test
    void givenNothingSet_fromEnvironment_isTheDefaultTableWindowAndRetention() {
        assertThat(HistorySettings.fromEnvironment(Map.of()))
                .isEqualTo(new HistorySettings("chatHistory", new HistoryWindow(1_000, Duration.ofDays(7))));
    }

    @Test
    void retention_isWholeDaysHoursOrMinutes_writtenInTheLargestUnitThatHoldsIt() {
        var settings = HistorySettings.fromEnvironment(Map.of("HISTORY_TABLE_NAME", "history", "HISTORY_WINDOW", "200",
                "HISTORY_RETENTION", "90m"));

        assertThat(settings).isEqualTo(new HistorySettings("history", new HistoryWindow(200, Duration.ofMinutes(90))));
        assertThat(settings.toEnvironment()).containsEntry("HISTORY_RETENTION", "90m");
        assertThat(HistorySettings.HISTORY_RETENTION.format(Duration.ofHours(48))).isEqualTo("2d");
        assertThat(HistorySettings.HISTORY_RETENTION.format(Duration.ofHours(36))).isEqualTo("36h");
        assertThat(HistorySettings.HISTORY_RETENTION.fromFlag(" 12h ")).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void givenRetentionOrWindowOutOfRange_fromEnvironment_namesTheVariableAndItsRange() {
        assertThatThrownBy(() -> HistorySettings.fromEnvironment(Map.of("HISTORY_RETENTION", "366d")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("HISTORY_RETENTION").hasMessageContaining("from 1m to 365d");
        assertThatThrownBy(() -> HistorySettings.fromEnvironment(Map.of("HISTORY_RETENTION", "7 days")))
                .isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> HistorySettings.fromEnvironment(Map.of("HISTORY_WINDOW", "0")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("HISTORY_WINDOW").hasMessageContaining("1 to 1000");
    }
}
