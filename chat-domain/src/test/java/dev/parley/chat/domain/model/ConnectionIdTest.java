package dev.parley.chat.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConnectionIdTest {

    @ParameterizedTest
    @MethodSource("apiGatewayIds")
    void givenApiGatewayId_construct_keepsItAsTheValue(String id) {
        ConnectionId connectionId = new ConnectionId(id);

        assertThat(connectionId.value()).isEqualTo(id);
        assertThat(connectionId).hasToString(id);
        assertThat(ConnectionId.isValid(id)).isTrue();
    }

    static Stream<String> apiGatewayIds() {
        return Stream.of("L0SM9cOFvHcCIhw=", "d7Gq1fZ8IAMCJpQ=", "a", "Ab0-_+/=", "x".repeat(128));
    }

    @ParameterizedTest
    @MethodSource("malformedIds")
    void givenMalformedId_construct_isRejected(String id) {
        assertThatIllegalArgumentException().isThrownBy(() -> new ConnectionId(id));
        assertThat(ConnectionId.isValid(id)).isFalse();
    }

    static Stream<String> malformedIds() {
        return Stream.of(
                "",
                " ",
                "   ",
                "L0SM 9cOFvHcCIhw=",
                " L0SM9cOFvHcCIhw=",
                "L0SM9cOFvHcCIhw=\n",
                "L0SM9cOF\tvHcCIhw=",
                "L0SM9cOF;vHcCIhw=",
                "../etc",
                "\u00e9t\u00e9",
                "\u0661\u0662\u0663",
                "x".repeat(129));
    }

    @Test
    void givenNull_construct_isRejected() {
        assertThatNullPointerException().isThrownBy(() -> new ConnectionId(null));
        assertThat(ConnectionId.isValid(null)).isFalse();
    }
}
