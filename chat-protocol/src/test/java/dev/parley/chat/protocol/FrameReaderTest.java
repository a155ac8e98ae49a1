package dev.parley.chat.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the reader accepts as a frame: one I-JSON object, and nothing a hostile client could slip past it. */
class FrameReaderTest {

    private final FrameReader reader = new FrameReader();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"action\":\"ping\"} trailing               | nothing after it",
        "{\"action\":\"ping\"}{\"action\":\"ping\"}   | nothing after it",
        "{\"action\":\"ping\"}[]                      | nothing after it",
        "{\"action\":\"ping\",\"action\":\"ping\"}    | not valid JSON",
        "{'action':'ping'}                            | not valid JSON",
        "{\"Message\":NaN}                            | not valid JSON",
        "{\"Message\":\"a\u0007b\"}                   | not valid JSON",
        "{\"\\uD800\":1,\"action\":\"ping\"}          | not valid JSON"
    })
    void givenTextThatIsNotExactlyOneJsonObject_frame_isRefusedAsInvalidJsonSayingWhy(String text, String why) {
        assertInvalidJson(text, why);
    }

    @Test
    void givenArraysOrObjectsNestedAHundredThousandLevels_frame_isRefusedAsTooDeepWithoutOverflowingTheStack() {
        assertInvalidJson("[".repeat(100_000), "nested deeper than 32 levels");
        assertInvalidJson("{\"a\":".repeat(100_000), "nested deeper than 32 levels");
        assertInvalidJson("{\"action\":\"ping\",\"x\":" + "[".repeat(32) + "]".repeat(32) + "}",
                "nested deeper than 32 levels");
    }

    @Test
    void givenNestingOfExactlyTheLimit_frame_isRead() throws InvalidFrameException {
        Map<String, Object> frame = reader.frame("{\"action\":\"ping\",\"x\":" + "[".repeat(31) + "]".repeat(31) + "}");

        assertThat(frame).containsEntry("action", "ping").containsKey("x");
    }

    @Test
    void givenNumberOfTwoThousandDigits_frame_isRefusedAsTooLongToRead() {
        assertInvalidJson("{\"action\":\"ping\",\"n\":" + "9".repeat(2_000) + "}", "too long to read");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"action\":\"sendMessage\",\"Message\":\"a\\uD800b\"}",
        "{\"action\":\"sendMessage\",\"Message\":\"ends with \\uD83D\"}",
        "{\"action\":\"sendMessage\",\"Message\":\"\\uDE00 starts low\"}",
        "{\"action\":\"\\uDFFF\"}",
        "{\"action\":\"ping\",\"list\":[{\"deep\":[\"\\uDBFF\"]}]}"
    })
    void givenUnpairedSurrogateEscapeAnywhere_frame_isRefusedAsInvalidJson(String text) {
        assertInvalidJson(text, "unpaired surrogate");
    }

    @Test
    void givenSurrogatePairEscapeAndControlCharacterEscapes_frame_readsThemAsTheCharacters() throws InvalidFrameException {
        Map<String, Object> frame =
                reader.frame("{\"Message\":\"\\uD83D\\uDE00 \\u0000\\u0007\\u001b\",\"list\":[\"\\uD83D\\uDE00\"]}");

        assertThat(frame).containsEntry("Message", "\uD83D\uDE00 \u0000\u0007\u001b")
                .containsEntry("list", List.of("\uD83D\uDE00"));
    }

    @Test
    void givenObjectFollowedByWhiteSpace_frame_isRead() throws InvalidFrameException {
        assertThat(reader.frame(" {\"action\":\"ping\"} \n\t")).containsEntry("action", "ping");
    }

    private void assertInvalidJson(String text, String why) {
        assertThatThrownBy(() -> reader.frame(text))
                .isInstanceOfSatisfying(InvalidFrameException.class,
                        invalid -> assertThat(invalid.code()).isEqualTo(ErrorCode.INVALID_JSON))
                .hasMessageContaining(why);
    }
}
