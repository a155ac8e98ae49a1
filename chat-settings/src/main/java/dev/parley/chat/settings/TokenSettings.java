package dev.parley.chat.settings;

import dev.parley.chat.auth.TokenRules;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the authorizers require of a token ({@link TokenRules}): the audience it names and the longest it may live.
 * The authorizers read them from their environment, the deployment from the CDK context, chat-local from
 * {@code --token-audience} and {@code --token-max-lifetime}; MintToken reads the same variables. The ranges are the
 * rules' own.
 */
public final class TokenSettings {

    public static final Setting<String> AUDIENCE = new Setting<>(
            TokenRules.AUDIENCE_VARIABLE,
            Optional.of("tokenAudience"),
            Optional.of(new Setting.Flag("--token-audience", "AUDIENCE")),
            "the audience (aud) every token must name; MintToken writes it",
            TokenRules.DEFAULT_AUDIENCE,
            TokenRules.AUDIENCE_RULE,
            TokenRules::requireValidAudience,
            Function.identity());

    public static final Setting<Duration> MAX_LIFETIME = new Setting<>(
            TokenRules.MAX_LIFETIME_VARIABLE,
            Optional.of("tokenMaxLifetime"),
            Optional.of(new Setting.Flag("--token-max-lifetime", "DURATION")),
            "the longest a token may live (exp - iat); longer ones are refused, and MintToken will not sign them",
            TokenRules.DEFAULT_MAX_LIFETIME,
            TokenRules.MAX_LIFETIME_RULE,
            text -> TokenRules.requireValidMaxLifetime(TokenRules.parseDuration(text)),
            TokenRules::format);

    private TokenSettings() {}

    public static TokenRules fromEnvironment(Map<String, String> environment) {
        return new TokenRules(AUDIENCE.fromEnvironment(environment), MAX_LIFETIME.fromEnvironment(environment));
    }

    /** From the CDK context; see {@link Setting#fromContext}. */
    public static TokenRules fromContext(Function<String, Object> context) {
        return new TokenRules(AUDIENCE.fromContext(context), MAX_LIFETIME.fromContext(context));
    }

    /** The variables {@link #fromEnvironment} reads back as {@code rules}. */
    public static Map<String, String> toEnvironment(TokenRules rules) {
        return Map.ofEntries(AUDIENCE.toEnvironment(rules.audience()), MAX_LIFETIME.toEnvironment(rules.maxLifetime()));
    }
}
