package dev.parley.chat.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DisplayNameTest {

    private static final String EMOJI = "\uD83D\uDE00";
    private static final ConnectionId ID = new ConnectionId("L0SM9cOFvHcCIhw=");

    @ParameterizedTest
    @MethodSource("acceptableNames")
    void givenAcceptableName_construct_keepsIt(String name) {
        DisplayName displayName = new DisplayName(name);

        assertThat(displayName.value()).isEqualTo(name);
        assertThat(displayName).hasToString(name);
    }

    static Stream<String> acceptableNames() {
        return Stream.of("Alice", "a", "Bob Smith", "Zo\u00eb", "\u674e\u5c0f\u9f8d",
                "x".repeat(DisplayName.MAX_LENGTH), EMOJI.repeat(DisplayName.MAX_LENGTH));
    }

    @ParameterizedTest
    @MethodSource("unacceptableNames")
    void givenUnacceptableName_construct_isRejected(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> new DisplayName(name));
    }

    static Stream<String> unacceptableNames() {
        return Stream.of("", " ", " Alice", "Alice ", "Alice\n", "\u2003Alice",
                "x".repeat(DisplayName.MAX_LENGTH + 1), EMOJI.repeat(DisplayName.MAX_LENGTH + 1),
                "Al\u0000ice", "Al\tice", "Bob\u001B[31m", "\u007F", "Bob\u0085",
                "Al\u200Bice", "Bob\u200F", "\u202EecilA", "\u2067Ann\u2069", "\uFEFFAnn", "Ann\u200D");
    }

    @Test
    void givenNamesWithAndWithoutFormattingCharacters_hidesOrReordersText_isTrueOnlyForZeroWidthAndBidiOnes() {
        assertThat(DisplayName.hidesOrReordersText("Zo\u00eb \u674e " + EMOJI)).isFalse();
        assertThat(DisplayName.hidesOrReordersText("soft\u00ADhyphen")).isFalse();
        assertThat(Stream.of("\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u202A", "\u202B", "\u202C",
                "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\uFEFF"))
                .allSatisfy(character -> assertThat(DisplayName.hidesOrReordersText("A" + character + "B")).isTrue());
        assertThat(Stream.of("\u200A", "\u2010", "\u2029", "\u202F", "\u2065", "\u206A", "\uFEFE", "\uFF00"))
                .allSatisfy(neighbour -> assertThat(DisplayName.hidesOrReordersText("A" + neighbour + "B")).isFalse());
    }

    @Test
    void givenNull_construct_isRejected() {
        assertThatNullPointerException().isThrownBy(() -> new DisplayName(null));
    }

    @Test
    void givenRequestedNameWithSurroundingWhitespace_requestedOrDefault_isTheTrimmedName() {
        DisplayName name = DisplayName.requestedOrDefault(Optional.of(" \t Bob Smith \n"), ID);

        assertThat(name).isEqualTo(new DisplayName("Bob Smith"));
    }

    @Test
    void givenNameOf32CodePointsInsideWhitespace_requestedOrDefault_keepsTheTrimmedName() {
        String name = EMOJI.repeat(DisplayName.MAX_LENGTH);

        assertThat(DisplayName.requestedOrDefault(Optional.of("\t" + name + "  "), ID).value()).isEqualTo(name);
    }

    @Test
    void givenNoRequestedName_requestedOrDefault_isGuestAndTheFirstFourCharactersOfTheId() {
        assertThat(DisplayName.requestedOrDefault(Optional.empty(), ID)).isEqualTo(new DisplayName("guest-L0SM"));
    }

    @Test
    void givenUnacceptableRequestedName_requestedOrDefault_isGuestAndTheFirstFourCharactersOfTheId() {
        DisplayName name = DisplayName.requestedOrDefault(Optional.of("Al\u0000ice"), ID);

        assertThat(name).isEqualTo(new DisplayName("guest-L0SM"));
    }

    @Test
    void givenIdShorterThanFourCharacters_requestedOrDefault_isGuestAndTheWholeId() {
        DisplayName name = DisplayName.requestedOrDefault(Optional.empty(), new ConnectionId("ab="));

        assertThat(name).isEqualTo(new DisplayName("guest-ab="));
    }
}
