package dev.parley.chat.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class TokenVerifierPropertiesTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final SigningKey KEY = SigningKey.fromText(HandMadeTokens.SECRET);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final TokenVerifier VERIFIER = new TokenVerifier(KEY, CLOCK, TokenRules.DEFAULT);
    private static final long MAX_SECONDS = TokenRules.DEFAULT_MAX_LIFETIME.getSeconds();

    @Property
    void givenAnyString_verify_refusesItWithAReasonAndNothingElse(@ForAll("tokenLike") String candidate) {
        assertThatThrownBy(() -> VERIFIER.verify(candidate)).isInstanceOf(InvalidTokenException.class);
    }

    @Property
    void givenAnyIssuedToken_verify_returnsItsPrincipal(@ForAll("userIds") String userId, @ForAll("names") String name,
            @ForAll @IntRange(min = 1, max = 86_400) int lifetimeSeconds) throws Exception {
        var principal = new Principal(new UserId(userId), new DisplayName(name));
        String token = new TokenIssuer(KEY, CLOCK, TokenRules.DEFAULT).issue(principal, Duration.ofSeconds(lifetimeSeconds));

        assertThat(VERIFIER.verify(token)).isEqualTo(principal);
    }

    @Property
    void givenAnyIssuedTokenWithOneCharacterChanged_verify_refusesIt(@ForAll @IntRange(min = 0, max = 400) int position,
            @ForAll("base64UrlCharacters") char replacement) {
        String token = new TokenIssuer(KEY, CLOCK, TokenRules.DEFAULT)
                .issue(new Principal(new UserId("u1"), new DisplayName("Ann")), Duration.ofHours(1));
        int at = position % token.length();
        String changed = token.substring(0, at) + replacement + token.substring(at + 1);

        if (!changed.equals(token)) {
            assertThatThrownBy(() -> VERIFIER.verify(changed)).isInstanceOf(InvalidTokenException.class);
        }
    }

    @Property
    void givenAnyLifetime_verify_acceptsATokenExactlyWhenItLivesAtMostTheMaximum(
            @ForAll("lifetimesAroundTheMaximum") long lifetimeSeconds, @ForAll @IntRange(min = 0, max = 86_400) int age) {
        // Issued `age` seconds ago, and not yet expired: only the lifetime decides.
        Instant issuedAt = NOW.minusSeconds(Math.min(age, lifetimeSeconds - 1));
        String token = HandMadeTokens.forUser(HandMadeTokens.SECRET, "u1", "Ann", issuedAt, issuedAt.plusSeconds(lifetimeSeconds));

        if (lifetimeSeconds <= MAX_SECONDS) {
            assertThatCode(() -> VERIFIER.verify(token)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> VERIFIER.verify(token)).isInstanceOfSatisfying(InvalidTokenException.class,
                    refused -> assertThat(refused.reason()).isEqualTo(InvalidTokenException.Reason.TOO_LONG_LIVED));
        }
    }

    @Property
    void givenAnyLifetime_issue_signsExactlyTheLifetimesTheVerifierAccepts(
            @ForAll("lifetimesAroundTheMaximum") long lifetimeSeconds) {
        var issuer = new TokenIssuer(KEY, CLOCK, TokenRules.DEFAULT);
        var ann = new Principal(new UserId("u1"), new DisplayName("Ann"));

        if (lifetimeSeconds <= MAX_SECONDS) {
            assertThatCode(() -> VERIFIER.verify(issuer.issue(ann, Duration.ofSeconds(lifetimeSeconds))))
                    .doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> issuer.issue(ann, Duration.ofSeconds(lifetimeSeconds)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(TokenRules.MAX_LIFETIME_VARIABLE);
        }
    }

    @Provide
    Arbitrary<Long> lifetimesAroundTheMaximum() {
        return Arbitraries.oneOf(Arbitraries.longs().between(1, 3 * MAX_SECONDS),
                Arbitraries.longs().between(MAX_SECONDS - 2, MAX_SECONDS + 2));
    }

    @Provide
    Arbitrary<String> tokenLike() {
        Arbitrary<String> parts = Arbitraries.strings().withChars("ABCabc019-_=.+/ {}\"\u0000é").ofMaxLength(40);
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(200),
                parts.list().ofMinSize(1).ofMaxSize(6).map(list -> String.join(".", list)));
    }

    @Provide
    Arbitrary<String> userIds() {
        return Arbitraries.strings().alpha().numeric().withChars("-_@.").ofMinLength(1).ofMaxLength(64);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().alpha().withChars("éüß ").ofMinLength(1).ofMaxLength(32)
                .map(String::strip).filter(name -> !name.isEmpty());
    }

    @Provide
    Arbitrary<Character> base64UrlCharacters() {
        return Arbitraries.chars().with("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.");
    }
}
