package dev.parley.chat.auth;

import static dev.parley.chat.auth.JwtEncoding.ALGORITHM;
import static dev.parley.chat.auth.JwtEncoding.ALGORITHM_HEADER;
import static dev.parley.chat.auth.JwtEncoding.AUDIENCE;
import static dev.parley.chat.auth.JwtEncoding.EXPIRES;
import static dev.parley.chat.auth.JwtEncoding.ISSUED_AT;
import static dev.parley.chat.auth.JwtEncoding.NAME;
import static dev.parley.chat.auth.JwtEncoding.ROLE;
import static dev.parley.chat.auth.JwtEncoding.ROOMS;
import static dev.parley.chat.auth.JwtEncoding.SUBJECT;
import static dev.parley.chat.auth.JwtEncoding.TYPE;
import static dev.parley.chat.auth.JwtEncoding.TYPE_HEADER;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Signs tokens the {@link TokenVerifier} with the same {@link TokenRules} accepts: for testing, and for whatever hands
 * them to users.
 */
public final class TokenIssuer {

    private final SigningKey key;
    private final Clock clock;
    private final TokenRules rules;

    public TokenIssuer(SigningKey key, Clock clock, TokenRules rules) {
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * A token for {@code principal}, issued now and valid for {@code lifetime} (whole seconds), at most the rules'
     * longest lifetime: a longer one would be refused by every verifier with the same rules.
     */
    public String issue(Principal principal, Duration lifetime) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.getSeconds() < 1) {
            throw new IllegalArgumentException("a token's lifetime is at least one second, not " + lifetime);
        }
        if (lifetime.compareTo(rules.maxLifetime()) > 0) {
            throw new IllegalArgumentException("a token lives at most " + TokenRules.format(rules.maxLifetime()) + " ("
                    + TokenRules.MAX_LIFETIME_VARIABLE + "), not " + TokenRules.format(lifetime));
        }
        Instant now = clock.instant();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put(ALGORITHM_HEADER, ALGORITHM);
        header.put(TYPE_HEADER, TYPE);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(SUBJECT, principal.userId().value());
        claims.put(NAME, principal.displayName().value());
        if (!principal.roomAccess().everyRoom()) {
            claims.put(ROOMS, principal.roomAccess().patterns());
        }
        principal.role().claim().ifPresent(role -> claims.put(ROLE, role));
        claims.put(AUDIENCE, rules.audience());
        claims.put(ISSUED_AT, now.getEpochSecond());
        claims.put(EXPIRES, now.getEpochSecond() + lifetime.getSeconds());
        String signingInput = JwtEncoding.encodeJson(header) + "." + JwtEncoding.encodeJson(claims);
        return signingInput + "." + JwtEncoding.encode(key.sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }
}
