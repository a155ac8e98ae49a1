package dev.parley.chat.auth;

import static dev.parley.chat.auth.JwtEncoding.ALGORITHM;
import static dev.parley.chat.auth.JwtEncoding.ALGORITHM_HEADER;
import static dev.parley.chat.auth.JwtEncoding.AUDIENCE;
import static dev.parley.chat.auth.JwtEncoding.CRITICAL_HEADER;
import static dev.parley.chat.auth.JwtEncoding.EXPIRES;
import static dev.parley.chat.auth.JwtEncoding.ISSUED_AT;
import static dev.parley.chat.auth.JwtEncoding.NAME;
import static dev.parley.chat.auth.JwtEncoding.NOT_BEFORE;
import static dev.parley.chat.auth.JwtEncoding.ROLE;
import static dev.parley.chat.auth.JwtEncoding.ROOMS;
import static dev.parley.chat.auth.JwtEncoding.SUBJECT;
import static dev.parley.chat.auth.JwtEncoding.TYPE;
import static dev.parley.chat.auth.JwtEncoding.TYPE_HEADER;

import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.RoomAccess;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.auth.InvalidTokenException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks Parley's tokens: HS256 JWTs (RFC 7519) signed with the {@link SigningKey}, with a required {@code exp} and
 * {@code iat} no further apart than the {@link TokenRules}' longest lifetime, a required {@code aud} naming the rules'
 * audience (a string, or a list holding it), an optional {@code nbf}, the subject {@code sub} (the user id), {@code name} (the display name) and the
 * optional {@code rooms} (the rooms the user may join: a list of names and prefixes ending in {@code *}) and the
 * optional {@code role} ({@code "admin"}: may broadcast).
 * The algorithm is fixed, never taken from the token: {@code none}, RS256 and every other {@code alg} are refused.
 */
public final class TokenVerifier {

    /** How far the issuer's clock may be from this one. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    /** Far longer than any of Parley's tokens (about 250 bytes); bounds the work a hostile one can cause. */
    static final int MAX_TOKEN_LENGTH = 4096;

    /** NumericDates beyond the year 9999 are no dates Parley can compare. */
    private static final double MAX_NUMERIC_DATE = 253_402_300_799d;

    private final SigningKey key;
    private final Clock clock;
    private final TokenRules rules;

    public TokenVerifier(SigningKey key, Clock clock, TokenRules rules) {
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** Who {@code token} speaks for; throws, saying why, when it grants nothing. */
    public Principal verify(String token) throws InvalidTokenException {
        if (token == null || token.isEmpty()) {
            throw new InvalidTokenException(Reason.MALFORMED, "there is no token");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidTokenException(Reason.MALFORMED, "the token is longer than " + MAX_TOKEN_LENGTH + " characters");
        }
        int firstDot = token.indexOf('.');
        int secondDot = token.indexOf('.', firstDot + 1);
        if (firstDot < 0 || secondDot < 0 || token.indexOf('.', secondDot + 1) >= 0) {
            throw new InvalidTokenException(Reason.MALFORMED, "a JWT has three parts separated by dots");
        }
        String header = token.substring(0, firstDot);
        String claims = token.substring(firstDot + 1, secondDot);
        String signature = token.substring(secondDot + 1);

        byte[] headerBytes = JwtEncoding.decode(header, "header");
        byte[] claimsBytes = JwtEncoding.decode(claims, "claims");
        byte[] signatureBytes = JwtEncoding.decode(signature, "signature");

        requireParleyHeader(JwtEncoding.json(headerBytes, "header"));
        byte[] expected = key.sign(token.substring(0, secondDot).getBytes(StandardCharsets.US_ASCII));
        // Constant time: how long the comparison takes must not tell how much of a forged signature was right.
        if (!MessageDigest.isEqual(expected, signatureBytes)) {
            throw new InvalidTokenException(Reason.BAD_SIGNATURE, "the signature does not match");
        }
        // Claims are read only once they are known to be the signer's.
        return principal(JwtEncoding.json(claimsBytes, "claims"));
    }

    private static void requireParleyHeader(Map<String, Object> header) throws InvalidTokenException {
        if (!ALGORITHM.equals(header.get(ALGORITHM_HEADER))) {
            throw new InvalidTokenException(Reason.UNSUPPORTED_ALGORITHM, "only " + ALGORITHM + " tokens are accepted");
        }
        Object type = header.get(TYPE_HEADER);
        if (type != null && !(type instanceof String name && name.equalsIgnoreCase(TYPE))) {
            throw new InvalidTokenException(Reason.MALFORMED, "the token's type is not " + TYPE);
        }
        // RFC 7515: a recipient that does not understand a critical extension must reject the token.
        if (header.containsKey(CRITICAL_HEADER)) {
            throw new InvalidTokenException(Reason.MALFORMED, "critical header extensions are not supported");
        }
    }

    private Principal principal(Map<String, Object> claims) throws InvalidTokenException {
        Instant expires = numericDate(claims, EXPIRES).orElseThrow(
                () -> new InvalidTokenException(Reason.INVALID_CLAIMS, "the token has no expiry (exp)"));
        // Without iat a token's lifetime is unknown, so it could outlive any limit.
        Instant issuedAt = numericDate(claims, ISSUED_AT).orElseThrow(
                () -> new InvalidTokenException(Reason.INVALID_CLAIMS, "the token has no issue time (iat)"));
        Optional<Instant> notBefore = numericDate(claims, NOT_BEFORE);
        UserId userId = userId(claims.get(SUBJECT));
        DisplayName displayName = displayName(claims.get(NAME));
        RoomAccess roomAccess = claims.containsKey(ROOMS) ? roomAccess(claims.get(ROOMS)) : RoomAccess.EVERY_ROOM;
        Role role = claims.containsKey(ROLE) ? role(claims.get(ROLE)) : Role.MEMBER;

        requireAudience(claims.get(AUDIENCE));
        Duration lifetime = Duration.between(issuedAt, expires);
        if (lifetime.compareTo(rules.maxLifetime()) > 0) {
            throw new InvalidTokenException(Reason.TOO_LONG_LIVED, "the token lives " + TokenRules.format(lifetime)
                    + " (exp - iat), longer than the " + TokenRules.format(rules.maxLifetime()) + " a token may");
        }

        Instant now = clock.instant();
        if (now.isAfter(expires.plus(CLOCK_SKEW))) {
            throw new InvalidTokenException(Reason.EXPIRED, "the token expired at " + expires);
        }
        Instant latestStart = now.plus(CLOCK_SKEW);
        if (notBefore.isPresent() && notBefore.get().isAfter(latestStart)) {
            throw new InvalidTokenException(Reason.NOT_YET_VALID, "the token is not valid before " + notBefore.get());
        }
        if (issuedAt.isAfter(latestStart)) {
            throw new InvalidTokenException(Reason.NOT_YET_VALID, "the token was issued in the future, at " + issuedAt);
        }
        return new Principal(userId, displayName, roomAccess, role);
    }

    /** {@code null} and unknown names included: a token never grants a role Parley cannot tell it means. */
    private static Role role(Object claim) throws InvalidTokenException {
        if (claim instanceof String name) {
            Optional<Role> role = Role.ofClaim(name);
            if (role.isPresent()) {
                return role.get();
            }
        }
        throw new InvalidTokenException(Reason.INVALID_CLAIMS, "'" + ROLE + "' must be \"admin\" when present");
    }

    /** A NumericDate: seconds since the epoch, a JSON number, possibly with a fraction. */
    private static Optional<Instant> numericDate(Map<String, Object> claims, String name) throws InvalidTokenException {
        if (!claims.containsKey(name)) {
            return Optional.empty();
        }
        // null included: a claim that is present must be a date.
        if (!(claims.get(name) instanceof Number number)) {
            throw new InvalidTokenException(Reason.INVALID_CLAIMS, "'" + name + "' must be a number of seconds since 1970");
        }
        double seconds = number.doubleValue();
        if (!(seconds >= 0 && seconds <= MAX_NUMERIC_DATE)) {
            throw new InvalidTokenException(Reason.INVALID_CLAIMS, "'" + name + "' is not a date between 1970 and 9999");
        }
        long whole = (long) Math.floor(seconds);
        return Optional.of(Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1_000_000_000L)));
    }

    /** RFC 7519 §4.1.3: one string, or a list of them; the rules' audience must be among them. */
    private void requireAudience(Object audience) throws InvalidTokenException {
        boolean named = audience instanceof String one ? one.equals(rules.audience())
                : audience instanceof List<?> many && many.contains(rules.audience());
        if (!named) {
            throw new InvalidTokenException(Reason.WRONG_AUDIENCE, "the token's audience (" + AUDIENCE + ") is not '"
                    + rules.audience() + "'");
        }
    }

    private static UserId userId(Object subject) throws InvalidTokenException {
        if (!(subject instanceof String value)) {
            throw new InvalidTokenException(Reason.INVALID_CLAIMS, "'" + SUBJECT + "' (the user id) must be a string");
        }
        try {
            return new UserId(value);
        } catch (IllegalArgumentException invalid) {
            throw new InvalidTokenException(Reason.INVALID_CLAIMS, "'" + SUBJECT + "': " + invalid.getMessage());
        }
    }

    /** {@code null} included: a claim that is present must be a list, so a token never admits more than it says. */
    private static RoomAccess roomAccess(Object rooms) throws InvalidTokenException {
        if (!(rooms instanceof List<?> list) || list.size() > RoomAccess.MAX_PATTERNS) {
            throw new InvalidTokenException(Reason.INVALID_CLAIMS, "'" + ROOMS + "' must be a list of at most "
                    + RoomAccess.MAX_PATTERNS + " room names or prefixes ending in *");
        }
        List<String> patterns = new ArrayList<>();
        for (Object pattern : list) {
            if (!(pattern instanceof String text) || !RoomAccess.isValidPattern(text)) {
                throw new InvalidTokenException(Reason.INVALID_CLAIMS, "'" + ROOMS + "' holds something that is neither"
                        + " a room name nor a prefix of one followed by *");
            }
            patterns.add(text);
        }
        return RoomAccess.only(patterns);
    }

    private static DisplayName displayName(Object name) throws InvalidTokenException {
        if (!(name instanceof String value)) {
            throw new InvalidTokenException(Reason.INVALID_CLAIMS, "'" + NAME + "' (the display name) must be a string");
        }
        try {
            return new DisplayName(value);
        } catch (IllegalArgumentException invalid) {
            throw new InvalidTokenException(Reason.INVALID_CLAIMS, "'" + NAME + "': " + invalid.getMessage());
        }
    }
}
