package dev.parley.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.auth.TokenRules;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Turning authorization on from the command line or the environment, without ever echoing a secret. */
class AuthorizationOptionsTest {

    private static final String SECRET = "a-signing-secret-of-at-least-32-bytes-0123456789";
    private static final String ADMIN_KEY = "admin-key-of-twenty-chars-or-more";

    @Test
    void givenNoSecrets_parse_leavesAuthorizationOff() {
        assertThat(CommandLine.parse().authorization()).isEmpty();
    }

    @Test
    void givenSecretAndAdminKey_parse_turnsAuthorizationOnWithoutShowingEitherInTheOptions() {
        LocalOptions options = CommandLine.parse("--auth-secret", SECRET, "--admin-key", ADMIN_KEY);

        assertThat(options.authorization()).isPresent();
        assertThat(options.toString()).doesNotContain(SECRET).doesNotContain(ADMIN_KEY);
    }

    @Test
    void givenSecretsInTheEnvironment_parse_takesThemAndArgumentsWinOverThem() {
        Map<String, String> environment = Map.of("PARLEY_AUTH_SECRET", SECRET, "PARLEY_ADMIN_KEY", "x");

        assertThatThrownBy(() -> CommandLine.parse(environment)).hasMessageContaining("--admin-key");
        assertThat(CommandLine.parse(environment, "--admin-key", ADMIN_KEY).authorization()).isPresent();
        assertThat(CommandLine.parse(Map.of("PARLEY_AUTH_SECRET", SECRET, "PARLEY_ADMIN_KEY", ADMIN_KEY)).authorization()).isPresent();
    }

    @Test
    void givenOnlyOneOfTheTwo_parse_asksForTheOther() {
        assertThatThrownBy(() -> CommandLine.parse("--auth-secret", SECRET))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--auth-secret needs --admin-key");
        assertThatThrownBy(() -> CommandLine.parse("--admin-key", ADMIN_KEY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--admin-key needs --auth-secret");
    }

    @Test
    void givenWeakSecrets_parse_saysWhyWithoutRepeatingThem() {
        String shortSecret = "short-secret-9f8e7d";
        String shortKey = "short-key-1a2b";

        assertThatThrownBy(() -> CommandLine.parse("--auth-secret", shortSecret, "--admin-key", ADMIN_KEY))
                .hasMessageContaining("--auth-secret").hasMessageContaining("32 bytes").message().doesNotContain(shortSecret);
        assertThatThrownBy(() -> CommandLine.parse("--auth-secret", SECRET, "--admin-key", shortKey))
                .hasMessageContaining("--admin-key").hasMessageContaining("20").message().doesNotContain(shortKey);
    }

    @Test
    void givenNoTokenRules_parse_requiresTheDefaultAudienceAndLifetime() {
        assertThat(CommandLine.parse("--auth-secret", SECRET, "--admin-key", ADMIN_KEY).authorization().orElseThrow()
                .tokenRules()).isEqualTo(TokenRules.DEFAULT);
    }

    @Test
    void givenTokenAudienceAndMaxLifetime_parse_requiresThoseOfTokens() {
        LocalOptions options = CommandLine.parse("--auth-secret", SECRET, "--admin-key", ADMIN_KEY,
                "--token-audience", "chat.example.com", "--token-max-lifetime", "8h");

        assertThat(options.authorization().orElseThrow().tokenRules())
                .isEqualTo(new TokenRules("chat.example.com", Duration.ofHours(8)));
    }

    @Test
    void givenMaxLifetimeOutOfRange_parse_namesTheOptionAndItsRange() {
        assertThatThrownBy(() -> CommandLine.parse("--token-max-lifetime", "31d"))
                .hasMessage("--token-max-lifetime must be " + TokenRules.MAX_LIFETIME_RULE + ", not '31d'");
    }

    @Test
    void givenHelp_usage_explainsBothOptionsAndTheirVariables() {
        assertThat(CommandLine.usage()).contains("--auth-secret SECRET", "--admin-key KEY", "PARLEY_AUTH_SECRET",
                "PARLEY_ADMIN_KEY", "(default: off)");
    }

    @Test
    void givenAuthorizationOnOrOff_parse_requiresAuthExactlyWhenItIsOnUnlessTold() {
        assertThat(CommandLine.parse().requireAuth()).isFalse();
        assertThat(CommandLine.parse("--auth-secret", SECRET, "--admin-key", ADMIN_KEY).requireAuth()).isTrue();
        assertThat(CommandLine.parse("--auth-secret", SECRET, "--admin-key", ADMIN_KEY, "--require-auth", "false")
                .requireAuth()).isFalse();
        assertThat(CommandLine.parse("--require-auth", "TRUE").requireAuth()).isTrue();
        assertThatThrownBy(() -> CommandLine.parse("--require-auth", "yes"))
                .hasMessage("--require-auth must be true or false, not 'yes'");
    }
}
