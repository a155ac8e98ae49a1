package dev.parley.chat.auth;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a token must say besides its signature: the audience it was minted for ({@code aud}), so a token of another
 * deployment or service sharing the secret is refused, and the longest it may live ({@code exp - iat}), so nobody
 * mints a token that stays a bearer credential for a year. The issuer writes both, the verifier checks both.
 * chat-lambda's {@code TokenSettings} reads them as {@value #AUDIENCE_VARIABLE} and {@value #MAX_LIFETIME_VARIABLE}.
 *
 * @param audience the {@code aud} every token must name
 * @param maxLifetime the longest {@code exp - iat} a token may have
 */
public record TokenRules(String audience, Duration maxLifetime) {

    /** The functions' and MintToken's environment variable of the audience. */
    public static final String AUDIENCE_VARIABLE = "TOKEN_AUDIENCE";
    /** The functions' and MintToken's environment variable of the longest lifetime. */
    public static final String MAX_LIFETIME_VARIABLE = "TOKEN_MAX_LIFETIME";

    // Before DEFAULT, which the compact constructor checks with them.
    private static final Pattern AUDIENCE = Pattern.compile("[A-Za-z0-9._:/-]{1,128}");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})([smhd]?)");

    public static final String DEFAULT_AUDIENCE = "parley";
    /** A working day and then some: long enough for one link a day, short enough that a leaked one soon ends. */
    public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofHours(24);
    public static final Duration SHORTEST_MAX_LIFETIME = Duration.ofMinutes(1);
    public static final Duration LONGEST_MAX_LIFETIME = Duration.ofDays(30);
    public static final TokenRules DEFAULT = new TokenRules(DEFAULT_AUDIENCE, DEFAULT_MAX_LIFETIME);

    /** What an audience may be: a name or URI-like text, such as {@code parley} or {@code https://chat.example.com}. */
    public static final String AUDIENCE_RULE = "1 to 128 of A-Z a-z 0-9 and . _ : / -";
    public static final String MAX_LIFETIME_RULE = "a duration from 1m to 30d, such as 24h, 90m, 7d or PT12H";

    public TokenRules {
        requireValidAudience(audience);
        requireValidMaxLifetime(maxLifetime);
    }

    public static String requireValidAudience(String audience) {
        Objects.requireNonNull(audience, "audience");
        if (!AUDIENCE.matcher(audience).matches()) {
            throw new IllegalArgumentException("a token audience is " + AUDIENCE_RULE + ", not '" + audience + "'");
        }
        return audience;
    }

    public static Duration requireValidMaxLifetime(Duration maxLifetime) {
        Objects.requireNonNull(maxLifetime, "max lifetime");
        if (maxLifetime.compareTo(SHORTEST_MAX_LIFETIME) < 0 || maxLifetime.compareTo(LONGEST_MAX_LIFETIME) > 0
                || maxLifetime.getNano() != 0) {
            throw new IllegalArgumentException("a token's longest lifetime is " + MAX_LIFETIME_RULE + " in whole seconds,"
                    + " not " + format(maxLifetime));
        }
        return maxLifetime;
    }

    /** {@code 90s}, {@code 30m}, {@code 1h}, {@code 7d}, plain seconds, or ISO-8601 such as {@code PT1H}. */
    public static Duration parseDuration(String text) {
        Matcher matcher = SHORT_DURATION.matcher(text);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofSeconds(amount);
            };
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException notIso) {
            throw new IllegalArgumentException("'" + text + "' is not a duration such as 90s, 30m, 1h, 7d or PT1H");
        }
    }

    /** The shortest text {@link #parseDuration} reads back as {@code duration}: {@code 24h}, {@code 90m}, {@code 7d}. */
    public static String format(Duration duration) {
        if (duration.getNano() != 0 || duration.isNegative()) {
            return duration.toString();
        }
        long seconds = duration.getSeconds();
        // 24h rather than 1d: a day reads as a date boundary, the limit is a span.
        if (seconds > 86_400 && seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds != 0 && seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds != 0 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
