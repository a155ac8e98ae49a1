package dev.parley.chat.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.auth.TokenRules;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuthorizerPrimingTest {

    @Test
    void beforeCheckpoint_verifiesATokenItIssuedWithAKeyOfItsOwn() {
        var priming = new AuthorizerPriming(new TokenRules("chat.example.com", Duration.ofMinutes(1)));

        assertThat(priming.verifyOnce().userId().value()).isEqualTo("parley-snapstart-priming");
        assertThat(priming.verifyOnce().displayName().value()).isEqualTo("priming");
    }
}
