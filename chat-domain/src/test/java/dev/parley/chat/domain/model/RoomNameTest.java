package dev.parley.chat.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoomNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"lobby", "a", "Team-7", "team_a.b:c",
            "0123456789012345678901234567890123456789012345678901234567890123"})
    void givenNameOfAllowedCharacters_construct_keepsIt(String name) {
        assertThat(new RoomName(name)).hasToString(name);
        assertThat(RoomName.isValid(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "lobby ", "two words", "a/b", "a*", "caf\u00e9", "x\u200B",
            "01234567890123456789012345678901234567890123456789012345678901234"})
    void givenNameWithAnythingElse_construct_isRejected(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> new RoomName(name));
        assertThat(RoomName.isValid(name)).isFalse();
    }

    @Test
    void givenNamesDifferingInCase_equals_tellsThemApart() {
        assertThat(new RoomName("Lobby")).isNotEqualTo(RoomName.LOBBY);
        assertThat(RoomName.LOBBY).isEqualTo(new RoomName("lobby"));
        assertThat(RoomName.isValid(null)).isFalse();
    }
}
