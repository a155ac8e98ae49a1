package dev.parley.chat.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.auth.HandMadeTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthConfigurationTest {

    private static final String SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:ParleyAuth-AbCdEf";

    @Test
    void givenSecretArnAndRegion_fromEnvironment_readsTheSecretFromSecretsManager() {
        AuthConfiguration configuration = AuthConfiguration.fromEnvironment(Map.of(
                "AUTH_SECRET_ARN", SECRET_ARN, "AWS_REGION", "eu-west-1"));

        assertThat(configuration).isEqualTo(new AuthConfiguration.InSecretsManager(SECRET_ARN, "eu-west-1"));
    }

    @Test
    void givenTheSecretItself_fromEnvironment_usesItAsTheKey() {
        AuthConfiguration configuration = AuthConfiguration.fromEnvironment(Map.of("AUTH_SECRET", HandMadeTokens.SECRET));

        assertThat(configuration).isInstanceOf(AuthConfiguration.Given.class);
    }

    @Test
    void givenNeitherOrBoth_fromEnvironment_namesBothVariables() {
        for (Map<String, String> environment : List.of(
                Map.of("AWS_REGION", "eu-west-1"),
                Map.of("AUTH_SECRET_ARN", SECRET_ARN, "AUTH_SECRET", HandMadeTokens.SECRET, "AWS_REGION", "eu-west-1"))) {
            assertThatThrownBy(() -> AuthConfiguration.fromEnvironment(environment))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("AUTH_SECRET_ARN").hasMessageContaining("AUTH_SECRET ");
        }
    }

    @Test
    void givenSecretArnWithoutRegionOrNotAnArn_fromEnvironment_saysWhatIsWrong() {
        assertThatThrownBy(() -> AuthConfiguration.fromEnvironment(Map.of("AUTH_SECRET_ARN", SECRET_ARN)))
                .hasMessageContaining("AWS_REGION");
        assertThatThrownBy(() -> AuthConfiguration.fromEnvironment(Map.of("AUTH_SECRET_ARN", "ParleyAuth", "AWS_REGION", "eu-west-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("arn:");
    }

    @Test
    void givenShortSecret_fromEnvironment_refusesIt() {
        assertThatThrownBy(() -> AuthConfiguration.fromEnvironment(Map.of("AUTH_SECRET", "too-short")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
    }
}
