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
                "Al\u0000ice", "Al\tice", "Bob\u001B[31m", "\u007F", "Bob\u0085");
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
