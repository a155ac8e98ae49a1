package dev.parley.chat.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.auth.TokenRules;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenSettingsTest {

    @Test
    void givenNoVariables_fromEnvironment_isTheDefaultAudienceAnd24Hours() {
        assertThat(TokenSettings.fromEnvironment(Map.of())).isEqualTo(new TokenRules("parley", Duration.ofHours(24)));
    }

    @Test
    void givenBothVariables_fromEnvironment_readsThemAndWritesThemBackAlike() {
        TokenRules rules = TokenSettings.fromEnvironment(Map.of("TOKEN_AUDIENCE", "https://chat.example.com",
                "TOKEN_MAX_LIFETIME", "PT8H"));

        assertThat(rules).isEqualTo(new TokenRules("https://chat.example.com", Duration.ofHours(8)));
        assertThat(TokenSettings.toEnvironment(rules)).isEqualTo(Map.of("TOKEN_AUDIENCE", "https://chat.example.com",
                "TOKEN_MAX_LIFETIME", "8h"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "TOKEN_MAX_LIFETIME | 31d     | environment variable TOKEN_MAX_LIFETIME must be a duration from 1m to 30d",
        "TOKEN_MAX_LIFETIME | 59s     | not '59s'",
        "TOKEN_MAX_LIFETIME | forever | not 'forever'",
        "TOKEN_MAX_LIFETIME | PT1.5H  | not 'PT1.5H'",
        "TOKEN_AUDIENCE     | a b     | environment variable TOKEN_AUDIENCE must be 1 to 128 of",
    })
    void givenValueOutOfRange_fromEnvironment_namesTheVariableAndItsRange(String variable, String value, String message) {
        assertThatThrownBy(() -> TokenSettings.fromEnvironment(Map.of(variable, value)))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining(message.strip());
    }
}
