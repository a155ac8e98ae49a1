package dev.parley.chat.settings.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.domain.model.HistoryWindow;
import dev.parley.chat.settings.InvalidSettingException;
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
    void theTableAndTheWindow_readBackFromTheEnvironmentTheyWrite() {
        var settings = HistorySettings.fromEnvironment(Map.of("HISTORY_TABLE_NAME", "history", "HISTORY_WINDOW", "200",
                "HISTORY_RETENTION", "90m"));

        assertThat(settings).isEqualTo(new HistorySettings("history", new HistoryWindow(200, Duration.ofMinutes(90))));
        assertThat(settings.toEnvironment()).isEqualTo(Map.of("HISTORY_TABLE_NAME", "history", "HISTORY_WINDOW", "200",
                "HISTORY_RETENTION", "90m"));
    }

    @Test
    void givenAWindowOutOfRange_fromEnvironment_namesTheVariableAndItsRange() {
        assertThatThrownBy(() -> HistorySettings.fromEnvironment(Map.of("HISTORY_WINDOW", "0")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("HISTORY_WINDOW").hasMessageContaining("1 to 1000");
    }
}
