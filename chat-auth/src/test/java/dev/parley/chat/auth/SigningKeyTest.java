package dev.parley.chat.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SigningKeyTest {

    @Test
    void givenSecretShorterThan256Bits_fromText_refusesItAndSaysHowToMakeOne() {
        assertThatThrownBy(() -> SigningKey.fromText("x".repeat(SigningKey.MIN_BYTES - 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes")
                .hasMessageContaining("openssl rand");
    }

    @Test
    void givenSecret_toString_neverShowsIt() {
        String secret = HandMadeTokens.SECRET;

        assertThat(SigningKey.fromText(secret).toString()).doesNotContain(secret).contains("HS256");
    }

    @Test
    void givenSameBytes_ofAndFromText_signAlike() {
        byte[] bytes = HandMadeTokens.SECRET.getBytes(StandardCharsets.UTF_8);
        SigningKey fromBytes = SigningKey.of(bytes);
        bytes[0] ^= 1; // the key keeps its own copy

        assertThat(fromBytes.sign(new byte[] {1, 2, 3})).isEqualTo(SigningKey.fromText(HandMadeTokens.SECRET).sign(new byte[] {1, 2, 3}));
    }
}
