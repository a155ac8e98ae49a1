package dev.parley.chat.auth;

import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.RoomAccess;
import dev.parley.chat.domain.model.UserId;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Mints a token for the authorizer, for testing and for handing out by hand:
 * {@code java -cp chat-lambda.jar dev.parley.chat.auth.MintToken --user U --name N --ttl 1h [--rooms a,team-*]
 * [--link SITE]}, with the secret in {@code PARLEY_AUTH_SECRET} or {@code --secret}. Prints only the token, so
 * {@code TOKEN=$(...)} works, or with {@code --link} the chat page's link carrying it in the fragment.
 */
public final class MintToken {

    /** Where the secret is read from without {@code --secret}, which would show it in the process list and history. */
    public static final String SECRET_VARIABLE = "PARLEY_AUTH_SECRET";
    static final Duration DEFAULT_TTL = Duration.ofHours(1);

    static final int OK = 0;
    static final int USAGE_ERROR = 2;

    private static final String USAGE = """
            Usage: java -cp chat-lambda/target/chat-lambda.jar dev.parley.chat.auth.MintToken \\
                       --user ID --name NAME [--ttl DURATION] [--rooms ROOMS] [--role admin] [--link SITE]
                       [--secret SECRET]

            Prints an HS256 token for Parley's $connect authorizer: connect with ?token=<it>, or give people the chat
            page's link SITE/#token=<it> (--link prints it).
              --user ID         the user id (the token's sub): 1 to 128 characters
              --name NAME       the display name others see (the token's name): 1 to 32 characters
              --ttl DURATION    how long the token is valid: 90s, 30m, 1h, 7d, or ISO-8601 such as PT1H (default: 1h),
                                at most %s (default 24h), the longest the authorizer accepts
              --rooms ROOMS     the only rooms the user may join besides the lobby, comma-separated: exact names,
                                or prefixes ending in * such as team-* (default: every room; '' for the lobby only)
              --role admin      an administrator's token (the role claim): it may also broadcast, with the
                                broadcast page or curl -H "Authorization: Bearer <token>" (default: a member)
              --link SITE       print the chat page's link instead of the bare token: SITE/#token=<token>, such as
                                https://d1234abcdefgh.cloudfront.net/#token=...; in the fragment, which browsers never
                                send to a server, so no access log records it
              --secret SECRET   the signing secret, at least 32 bytes (default: the environment variable %s,
                                which keeps it out of the process list and the shell history)
            The token's audience (aud) is %s (default parley), which the authorizer checks.
            """.formatted(TokenRules.MAX_LIFETIME_VARIABLE, SECRET_VARIABLE, TokenRules.AUDIENCE_VARIABLE);

    private MintToken() {}

    public static void main(String[] args) {
        int status = run(args, System.getenv(), Clock.systemUTC(), System.out, System.err);
        if (status != OK) {
            System.exit(status);
        }
    }

    /** Runs the command line; the exit status. */
    static int run(String[] args, Map<String, String> environment, Clock clock, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.print(USAGE);
            return OK;
        }
        try {
            Map<String, String> options = options(args);
            SigningKey key = SigningKey.fromText(Optional.ofNullable(options.get("--secret"))
                    .or(() -> Optional.ofNullable(environment.get(SECRET_VARIABLE)).filter(secret -> !secret.isEmpty()))
                    .orElseThrow(() -> new IllegalArgumentException("no secret: set " + SECRET_VARIABLE + " or pass --secret")));
            var principal = new Principal(
                    new UserId(required(options, "--user")),
                    new DisplayName(required(options, "--name")),
                    Optional.ofNullable(options.get("--rooms")).map(MintToken::roomAccess).orElse(RoomAccess.EVERY_ROOM),
                    Optional.ofNullable(options.get("--role")).map(MintToken::role).orElse(Role.MEMBER));
            Duration ttl = Optional.ofNullable(options.get("--ttl")).map(MintToken::duration).orElse(DEFAULT_TTL);
            TokenIssuer issuer = new TokenIssuer(key, clock, rules(environment));
            String token;
            try {
                token = issuer.issue(principal, ttl);
            } catch (IllegalArgumentException tooLong) {
                throw new IllegalArgumentException("--ttl " + options.getOrDefault("--ttl", TokenRules.format(ttl)) + ": "
                        + tooLong.getMessage());
            }
            out.println(Optional.ofNullable(options.get("--link")).map(site -> pageLink(site, token)).orElse(token));
            return OK;
        } catch (IllegalArgumentException wrong) {
            err.println("MintToken: " + wrong.getMessage());
            err.println("Run with --help for the options.");
            return USAGE_ERROR;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int index = 0; index < args.length; index += 2) {
            String flag = args[index];
            if (!List.of("--user", "--name", "--ttl", "--rooms", "--role", "--link", "--secret").contains(flag)) {
                throw new IllegalArgumentException("unknown option '" + flag + "'");
            }
            if (index + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            if (options.put(flag, args[index + 1]) != null) {
                throw new IllegalArgumentException(flag + " is given twice");
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String flag) {
        String value = options.get(flag);
        if (value == null) {
            throw new IllegalArgumentException(flag + " is required");
        }
        return value;
    }

    /** {@code a,team-*}: names and prefixes, comma-separated; the empty text admits the lobby only. */
    static RoomAccess roomAccess(String text) {
        List<String> patterns = text.isEmpty() ? List.of() : Arrays.asList(text.split(",", -1));
        for (String pattern : patterns) {
            if (!RoomAccess.isValidPattern(pattern)) {
                throw new IllegalArgumentException("--rooms " + text + ": '" + pattern + "' is neither a room name (1 to "
                        + "64 of A-Z a-z 0-9 _ - . :) nor a prefix of one followed by *");
            }
        }
        if (patterns.size() > RoomAccess.MAX_PATTERNS) {
            throw new IllegalArgumentException("--rooms: at most " + RoomAccess.MAX_PATTERNS + " rooms or prefixes");
        }
        return RoomAccess.only(patterns);
    }

    static Role role(String text) {
        return Role.ofClaim(text).orElseThrow(() -> new IllegalArgumentException("--role " + text
                + ": the only role is admin (leave --role out for a member)"));
    }

    /** The chat page at {@code site} with {@code token} in the fragment, where the page takes it from. */
    static String pageLink(String site, String token) {
        URI page;
        try {
            page = new URI(site);
        } catch (URISyntaxException notAUri) {
            throw new IllegalArgumentException("--link " + site + ": not a URL such as https://chat.example.com");
        }
        if (!("https".equals(page.getScheme()) || "http".equals(page.getScheme())) || page.getHost() == null
                || page.getRawQuery() != null || page.getRawFragment() != null) {
            throw new IllegalArgumentException("--link " + site + ": the site's http(s) URL, without ? or #, such as"
                    + " https://chat.example.com");
        }
        String path = page.getRawPath() == null || page.getRawPath().isEmpty() ? "/" : page.getRawPath();
        return page.getScheme() + "://" + page.getRawAuthority() + path + "#token=" + token;
    }

    /** As the authorizer reads them: the same variables, read with the same rules, the same defaults. */
    static TokenRules rules(Map<String, String> environment) {
        String audience = environment.getOrDefault(TokenRules.AUDIENCE_VARIABLE, TokenRules.DEFAULT_AUDIENCE);
        String maxLifetime = environment.get(TokenRules.MAX_LIFETIME_VARIABLE);
        try {
            return new TokenRules(audience.strip(), maxLifetime == null ? TokenRules.DEFAULT_MAX_LIFETIME
                    : TokenRules.parseDuration(maxLifetime.strip()));
        } catch (IllegalArgumentException wrong) {
            throw new IllegalArgumentException("environment variable " + TokenRules.AUDIENCE_VARIABLE + " or "
                    + TokenRules.MAX_LIFETIME_VARIABLE + ": " + wrong.getMessage());
        }
    }

    /** {@code 90s}, {@code 30m}, {@code 1h}, {@code 7d}, plain seconds, or ISO-8601 such as {@code PT1H}. */
    static Duration duration(String text) {
        Duration duration;
        try {
            duration = TokenRules.parseDuration(text);
        } catch (IllegalArgumentException notADuration) {
            throw new IllegalArgumentException("--ttl " + text + ": not a duration such as 90s, 30m, 1h, 7d or PT1H");
        }
        if (duration.getSeconds() < 1) {
            throw new IllegalArgumentException("--ttl " + text + ": a token is valid for at least one second");
        }
        return duration;
    }
}
