package dev.parley.chat.domain.model;

import static dev.parley.chat.domain.model.InvalidMessageTextException.Violation.BLANK;
import static dev.parley.chat.domain.model.InvalidMessageTextException.Violation.TOO_LARGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageTextTest {

    private static final int LIMIT = 32_768;

    @ParameterizedTest
    @ValueSource(strings = {"", " ", " \t\n\r ", "\u2003\u3000"})
    void givenBlankText_construct_isRejectedAsBlank(String blank) {
        assertThatExceptionOfType(InvalidMessageTextException.class)
                .isThrownBy(() -> new MessageText(blank))
                .extracting(InvalidMessageTextException::violation)
                .isEqualTo(BLANK);
    }

    @Test
    void givenBlankTextOverTheLimit_construct_isRejectedAsBlank() {
        assertThatExceptionOfType(InvalidMessageTextException.class)
                .isThrownBy(() -> new MessageText(" ".repeat(LIMIT + 1)))
                .extracting(InvalidMessageTextException::violation)
                .isEqualTo(BLANK);
    }

    /** Characters of each UTF-8 width, and how many bytes each takes. */
    static Stream<Arguments> charactersOfEachWidth() {
        return Stream.of(
                Arguments.of("a", 1),
                Arguments.of("\u00e9", 2),
                Arguments.of("\u20ac", 3),
                Arguments.of("\uD83D\uDE00", 4));
    }

    @ParameterizedTest
    @MethodSource("charactersOfEachWidth")
    void givenTextOfExactly32768Utf8Bytes_construct_acceptsIt(String character, int bytes) {
        String text = fillLimit(character, bytes);

        assertThat(text.getBytes(StandardCharsets.UTF_8)).hasSize(LIMIT);
        assertThat(new MessageText(text).value()).isEqualTo(text);
    }

    @ParameterizedTest
    @MethodSource("charactersOfEachWidth")
    void givenTextOf32769Utf8Bytes_construct_isRejectedAsTooLarge(String character, int bytes) {
        String text = fillLimit(character, bytes) + "!";

        assertThat(text.getBytes(StandardCharsets.UTF_8)).hasSize(LIMIT + 1);
        assertThatExceptionOfType(InvalidMessageTextException.class)
                .isThrownBy(() -> new MessageText(text))
                .extracting(InvalidMessageTextException::violation)
                .isEqualTo(TOO_LARGE);
    }

    @Test
    void givenFewerCharactersThanTheLimitButMoreBytes_construct_isRejectedAsTooLarge() {
        String text = "\u00e9".repeat(LIMIT / 2 + 1);

        assertThat(text).hasSizeLessThan(LIMIT);
        assertThatExceptionOfType(InvalidMessageTextException.class)
                .isThrownBy(() -> new MessageText(text))
                .extracting(InvalidMessageTextException::violation)
                .isEqualTo(TOO_LARGE);
    }

    @Test
    void givenNull_construct_isRejected() {
        assertThatNullPointerException().isThrownBy(() -> new MessageText(null));
    }

    /** As many copies of {@code character} as fit in the limit, topped up with ASCII to exactly the limit. */
    private static String fillLimit(String character, int bytes) {
        return character.repeat(LIMIT / bytes) + "a".repeat(LIMIT % bytes);
    }
}
