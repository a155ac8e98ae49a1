package dev.parley.chat.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UserIdTest {

    @ParameterizedTest
    @MethodSource("userIds")
    void givenTokenSubject_construct_keepsItAsTheValue(String subject) {
        UserId userId = new UserId(subject);

        assertThat(userId.value()).isEqualTo(subject);
        assertThat(userId).hasToString(subject);
    }

    static Stream<String> userIds() {
        return Stream.of(
                "u",
                "alice@example.com",
                "auth0|5f7c8ec7c33c6c004bbafe82",
                "Zoë Ångström",
                "\uD83D\uDE00",
                "x".repeat(UserId.MAX_LENGTH),
                "\uD83D\uDE00".repeat(UserId.MAX_LENGTH));
    }

    @ParameterizedTest
    @MethodSource("malformedUserIds")
    void givenMalformedUserId_construct_isRejectedSayingWhy(String subject, String why) {
        assertThatIllegalArgumentException().isThrownBy(() -> new UserId(subject)).withMessageContaining(why);
    }

    static Stream<Arguments> malformedUserIds() {
        return Stream.of(
                Arguments.of("", "1 to 128 characters, not 0"),
                Arguments.of("x".repeat(UserId.MAX_LENGTH + 1), "not 129"),
                Arguments.of("\uD83D\uDE00".repeat(UserId.MAX_LENGTH + 1), "not 129"),
                Arguments.of("ali\u0000ce", "control characters"),
                Arguments.of("alice\n", "control characters"),
                Arguments.of("bob\u007F", "control characters"),
                Arguments.of("carol\u0085", "control characters"),
                Arguments.of("dan\uD83D", "unpaired surrogate"),
                Arguments.of("\uDE00erin", "unpaired surrogate"));
    }

    @Test
    void givenNull_construct_isRejected() {
        assertThatNullPointerException().isThrownBy(() -> new UserId(null));
    }
}
