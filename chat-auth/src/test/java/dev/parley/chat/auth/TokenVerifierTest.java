package dev.parley.chat.auth;

import static dev.parley.chat.auth.HandMadeTokens.HS256_HEADER;
import static dev.parley.chat.auth.HandMadeTokens.OTHER_SECRET;
import static dev.parley.chat.auth.HandMadeTokens.SECRET;
import static dev.parley.chat.auth.HandMadeTokens.base64Url;
import static dev.parley.chat.auth.HandMadeTokens.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.RoomAccess;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.auth.InvalidTokenException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final long NOW_SECONDS = NOW.getEpochSecond();

    /** The claims every valid token has besides the user's: Parley's audience, and issued now. */
    private static final String ISSUED_FOR_PARLEY = "\"aud\":\"parley\",\"iat\":" + NOW_SECONDS + ",";

    private final TokenVerifier verifier = new TokenVerifier(SigningKey.fromText(SECRET), Clock.fixed(NOW, ZoneOffset.UTC),
            TokenRules.DEFAULT);

    @Test
    void givenValidToken_verify_returnsTheUserAndDisplayNameOfItsClaims() throws Exception {
        String token = HandMadeTokens.forUser(SECRET, "user-42", "Ada Lovelace", NOW.minusSeconds(60), NOW.plusSeconds(3600));

        assertThat(verifier.verify(token)).isEqualTo(new Principal(new UserId("user-42"), new DisplayName("Ada Lovelace")));
    }

    @Test
    void givenTokenWithoutRoomsClaim_verify_admitsEveryRoom() throws Exception {
        String token = HandMadeTokens.forUser(SECRET, "user-42", "Ada", NOW, NOW.plusSeconds(60));

        assertThat(verifier.verify(token).roomAccess()).isEqualTo(RoomAccess.EVERY_ROOM);
    }

    @Test
    void givenRoomsClaim_verify_admitsOnlyItsRoomsPrefixesAndTheLobby() throws Exception {
        String token = signed(SECRET, HS256_HEADER, "{" + ISSUED_FOR_PARLEY + "\"sub\":\"u1\",\"name\":\"Ann\",\"exp\":" + (NOW_SECONDS + 60)
                + ",\"rooms\":[\"design\",\"team-*\"]}");

        RoomAccess access = verifier.verify(token).roomAccess();

        assertThat(access).isEqualTo(RoomAccess.only(List.of("design", "team-*")));
        assertThat(List.of("design", "team-a", "team-", "lobby")).allMatch(room -> access.permits(new RoomName(room)));
        assertThat(List.of("designs", "team", "other")).noneMatch(room -> access.permits(new RoomName(room)));
    }

    @Test
    void givenEmptyRoomsClaim_verify_admitsOnlyTheLobby() throws Exception {
        String token = signed(SECRET, HS256_HEADER, "{" + ISSUED_FOR_PARLEY + "\"sub\":\"u1\",\"name\":\"Ann\",\"exp\":" + (NOW_SECONDS + 60)
                + ",\"rooms\":[]}");

        assertThat(verifier.verify(token).roomAccess()).isEqualTo(RoomAccess.only(List.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "\"design\"", "{\"design\":true}", "[1]", "[null]", "[\"\"]", "[\"a b\"]",
        "[\"*x\"]", "[\"a**\"]", "[[\"design\"]]"})
    void givenRoomsClaimThatIsNoListOfNamesOrPrefixes_verify_refusesTheToken(String rooms) {
        assertRefused(signed(SECRET, HS256_HEADER, "{" + ISSUED_FOR_PARLEY + "\"sub\":\"u1\",\"name\":\"Ann\",\"exp\":" + (NOW_SECONDS + 60)
                + ",\"rooms\":" + rooms + "}"), Reason.INVALID_CLAIMS);
    }

    @Test
    void givenRoomsClaimOfMoreThanAHundredPatterns_verify_refusesTheToken() {
        String rooms = "[" + "\"r\",".repeat(100) + "\"r\"]";

        assertRefused(signed(SECRET, HS256_HEADER, "{" + ISSUED_FOR_PARLEY + "\"sub\":\"u1\",\"name\":\"Ann\",\"exp\":" + (NOW_SECONDS + 60)
                + ",\"rooms\":" + rooms + "}"), Reason.INVALID_CLAIMS);
    }

    @Test
    void givenValidTokenWithNotBeforeInThePastAndNoType_verify_acceptsIt() throws Exception {
        String token = signed(SECRET, "{\"alg\":\"HS256\"}",
                "{" + ISSUED_FOR_PARLEY + "\"sub\":\"u1\",\"name\":\"Ann\",\"nbf\":" + (NOW_SECONDS - 10) + ",\"exp\":" + (NOW_SECONDS + 60) + "}");

        assertThat(verifier.verify(token).userId()).isEqualTo(new UserId("u1"));
    }

    @Test
    void givenAdminRole_verify_returnsAnAdministrator() throws Exception {
        String token = signed(SECRET, HS256_HEADER, "{" + ISSUED_FOR_PARLEY + "\"sub\":\"u1\",\"name\":\"Ann\","
                + "\"role\":\"admin\",\"exp\":" + (NOW_SECONDS + 60) + "}");

        assertThat(verifier.verify(token).role()).isEqualTo(Role.ADMIN);
        assertThat(verifier.verify(HandMadeTokens.forUser(SECRET, "u1", "Ann", NOW, NOW.plusSeconds(60))).role())
                .isEqualTo(Role.MEMBER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"Admin\"", "\"member\"", "\"root\"", "\"\"", "null", "true", "[\"admin\"]"})
    void givenRoleThatIsNotAdmin_verify_refusesTheClaims(String role) {
        assertRefused(signed(SECRET, HS256_HEADER, "{" + ISSUED_FOR_PARLEY + "\"sub\":\"u1\",\"name\":\"Ann\","
                + "\"role\":" + role + ",\"exp\":" + (NOW_SECONDS + 60) + "}"), Reason.INVALID_CLAIMS);
    }

    @Test
    void givenNoIssuedAt_verify_refusesTheClaims() {
        assertRefused(signed(SECRET, HS256_HEADER, "{\"aud\":\"parley\",\"sub\":\"u1\",\"name\":\"Ann\",\"exp\":"
                + (NOW_SECONDS + 60) + "}"), Reason.INVALID_CLAIMS);
    }

    @Test
    void givenLifetimeOfExactlyTheMaximum_verify_acceptsIt() throws Exception {
        String token = HandMadeTokens.forUser(SECRET, "u1", "Ann", NOW, NOW.plus(TokenRules.DEFAULT_MAX_LIFETIME));

        assertThat(verifier.verify(token).userId()).isEqualTo(new UserId("u1"));
    }

    @Test
    void givenLifetimeOneSecondOverTheMaximum_verify_refusesItAsTooLongLived() {
        String token = HandMadeTokens.forUser(SECRET, "u1", "Ann", NOW,
                NOW.plus(TokenRules.DEFAULT_MAX_LIFETIME).plusSeconds(1));

        assertRefused(token, Reason.TOO_LONG_LIVED);
    }

    @Test
    void givenTokenIssuedLongAgoThatExpiresSoon_verify_refusesItAsTooLongLived() {
        // Still unexpired, but minted to live a year: the lifetime counts, not the time left.
        String token = HandMadeTokens.forUser(SECRET, "u1", "Ann", NOW.minus(Duration.ofDays(365)), NOW.plusSeconds(60));

        assertRefused(token, Reason.TOO_LONG_LIVED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\"aud\":\"other\",", "\"aud\":\"Parley\",", "\"aud\":[\"other\"],", "\"aud\":[],",
        "\"aud\":null,", "\"aud\":42,", "\"aud\":{\"parley\":true},"})
    void givenNoAudienceOrAnother_verify_refusesItAsWrongAudience(String audience) {
        assertRefused(signed(SECRET, HS256_HEADER, "{" + audience + "\"iat\":" + NOW_SECONDS
                + ",\"sub\":\"u1\",\"name\":\"Ann\",\"exp\":" + (NOW_SECONDS + 60) + "}"), Reason.WRONG_AUDIENCE);
    }

    @Test
    void givenAudienceListNamingParley_verify_acceptsIt() throws Exception {
        String token = signed(SECRET, HS256_HEADER, "{\"aud\":[\"other\",\"parley\"],\"iat\":" + NOW_SECONDS
                + ",\"sub\":\"u1\",\"name\":\"Ann\",\"exp\":" + (NOW_SECONDS + 60) + "}");

        assertThat(verifier.verify(token).userId()).isEqualTo(new UserId("u1"));
    }

    @Test
    void givenVerifierOfAnotherAudienceAndLifetime_verify_appliesThoseRules() {
        var strict = new TokenVerifier(SigningKey.fromText(SECRET), Clock.fixed(NOW, ZoneOffset.UTC),
                new TokenRules("chat.example.com", Duration.ofHours(1)));

        assertThatThrownBy(() -> strict.verify(HandMadeTokens.forUser(SECRET, "u1", "Ann", NOW, NOW.plusSeconds(60))))
                .isInstanceOfSatisfying(InvalidTokenException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.WRONG_AUDIENCE));
        assertThatThrownBy(() -> strict.verify(signed(SECRET, HS256_HEADER, "{\"aud\":\"chat.example.com\",\"iat\":"
                + NOW_SECONDS + ",\"sub\":\"u1\",\"name\":\"Ann\",\"exp\":" + (NOW_SECONDS + 3601) + "}")))
                .isInstanceOfSatisfying(InvalidTokenException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.TOO_LONG_LIVED));
    }

    @Test
    void givenExpiredToken_verify_refusesItAsExpired() {
        String token = HandMadeTokens.forUser(SECRET, "u1", "Ann", NOW.minusSeconds(7200), NOW.minusSeconds(3600));

        assertRefused(token, Reason.EXPIRED);
    }

    @Test
    void givenTokenExpiredWithinTheClockSkew_verify_stillAcceptsIt() throws Exception {
        String token = HandMadeTokens.forUser(SECRET, "u1", "Ann", NOW.minusSeconds(600), NOW.minus(TokenVerifier.CLOCK_SKEW).plusSeconds(1));

        assertThat(verifier.verify(token).displayName()).isEqualTo(new DisplayName("Ann"));
    }

    @Test
    void givenTokenExpiredJustBeyondTheClockSkew_verify_refusesIt() {
        String token = HandMadeTokens.forUser(SECRET, "u1", "Ann", NOW.minusSeconds(600), NOW.minus(TokenVerifier.CLOCK_SKEW).minusSeconds(1));

        assertRefused(token, Reason.EXPIRED);
    }

    @Test
    void givenNotBeforeInTheFuture_verify_refusesItAsNotYetValid() {
        String token = signed(SECRET, HS256_HEADER,
                "{" + ISSUED_FOR_PARLEY + "\"sub\":\"u1\",\"name\":\"Ann\",\"nbf\":" + (NOW_SECONDS + 3600) + ",\"exp\":" + (NOW_SECONDS + 7200) + "}");

        assertRefused(token, Reason.NOT_YET_VALID);
    }

    @Test
    void givenIssuedAtInTheFuture_verify_refusesItAsNotYetValid() {
        String token = HandMadeTokens.forUser(SECRET, "u1", "Ann", NOW.plusSeconds(600), NOW.plusSeconds(3600));

        assertRefused(token, Reason.NOT_YET_VALID);
    }

    @Test
    void givenTokenSignedWithAnotherSecret_verify_refusesTheSignature() {
        String token = HandMadeTokens.forUser(OTHER_SECRET, "u1", "Ann", NOW, NOW.plusSeconds(3600));

        assertRefused(token, Reason.BAD_SIGNATURE);
    }

    @Test
    void givenClaimsChangedAfterSigning_verify_refusesTheSignature() {
        String genuine = HandMadeTokens.forUser(SECRET, "u1", "Ann", NOW, NOW.plusSeconds(3600));
        String[] parts = genuine.split("\\.");
        String forged = parts[0] + "." + base64Url("{\"sub\":\"admin\",\"name\":\"Ann\",\"exp\":" + (NOW_SECONDS + 3600) + "}")
                + "." + parts[2];

        assertRefused(forged, Reason.BAD_SIGNATURE);
    }

    @Test
    void givenSignatureCutShort_verify_refusesTheSignature() {
        String[] parts = HandMadeTokens.forUser(SECRET, "u1", "Ann", NOW, NOW.plusSeconds(3600)).split("\\.");
        byte[] half = Arrays.copyOf(Base64.getUrlDecoder().decode(parts[2]), 16);

        assertRefused(parts[0] + "." + parts[1] + "." + base64Url(half), Reason.BAD_SIGNATURE);
    }

    @Test
    void givenAlgNoneWithoutSignature_verify_refusesTheAlgorithm() {
        String unsigned = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
                + base64Url("{\"sub\":\"u1\",\"name\":\"Ann\",\"exp\":" + (NOW_SECONDS + 3600) + "}") + ".";

        assertRefused(unsigned, Reason.UNSUPPORTED_ALGORITHM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "RS256", "ES256", "HS384", "HS512", "hs256", "PS256", ""})
    void givenAnyAlgorithmButHs256_verify_refusesItEvenWhenTheHmacMatches(String algorithm) {
        String token = signed(SECRET, "{\"alg\":\"" + algorithm + "\",\"typ\":\"JWT\"}",
                "{\"sub\":\"u1\",\"name\":\"Ann\",\"exp\":" + (NOW_SECONDS + 3600) + "}");

        assertRefused(token, Reason.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void givenNoAlgorithmOrANonStringOne_verify_refusesTheAlgorithm() {
        String claims = "{\"sub\":\"u1\",\"name\":\"Ann\",\"exp\":" + (NOW_SECONDS + 3600) + "}";

        assertRefused(signed(SECRET, "{\"typ\":\"JWT\"}", claims), Reason.UNSUPPORTED_ALGORITHM);
        assertRefused(signed(SECRET, "{\"alg\":[\"HS256\"]}", claims), Reason.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void givenCriticalExtensionOrAnotherType_verify_refusesTheHeader() {
        String claims = "{\"sub\":\"u1\",\"name\":\"Ann\",\"exp\":" + (NOW_SECONDS + 3600) + "}";

        assertRefused(signed(SECRET, "{\"alg\":\"HS256\",\"crit\":[\"exp\"]}", claims), Reason.MALFORMED);
        assertRefused(signed(SECRET, "{\"alg\":\"HS256\",\"typ\":\"JWE\"}", claims), Reason.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "not-a-token",
        "only.two",
        "a.b.c.d",
        "a.b.c.d.e",
        "...",
        "eyJhbGciOiJIUzI1NiJ9.!!!.c2ln",
        "eyJhbGciOiJIUzI1NiJ9.e30.!!!",
        "eyJhbGciOiJIUzI1NiJ9=.e30.c2ln",
        "bm90IGpzb24.e30.c2ln",
        "WzEsMl0.e30.c2ln",
    })
    void givenMalformedToken_verify_refusesItAsMalformed(String token) {
        assertRefused(token, Reason.MALFORMED);
    }

    @Test
    void givenNoToken_verify_refusesItAsMalformed() {
        assertRefused(null, Reason.MALFORMED);
    }

    @Test
    void givenHugeToken_verify_refusesItBeforeDecoding() {
        assertRefused("a".repeat(TokenVerifier.MAX_TOKEN_LENGTH + 1), Reason.MALFORMED);
    }

    @Test
    void givenClaimsThatAreNotJsonOrNotAnObject_verify_refusesThemAsMalformed() {
        assertRefused(signed(SECRET, HS256_HEADER, "not json"), Reason.MALFORMED);
        assertRefused(signed(SECRET, HS256_HEADER, "[\"sub\"]"), Reason.MALFORMED);
    }

    @Test
    void givenClaimsOrHeaderNamingAMemberTwice_verify_refusesThemAsMalformed() {
        assertRefused(signed(SECRET, HS256_HEADER,
                "{\"sub\":\"u1\",\"sub\":\"admin\",\"name\":\"Ann\",\"exp\":" + (NOW_SECONDS + 3600) + "}"), Reason.MALFORMED);
        assertRefused(signed(SECRET, "{\"alg\":\"none\",\"alg\":\"HS256\"}",
                "{\"sub\":\"u1\",\"name\":\"Ann\",\"exp\":" + (NOW_SECONDS + 3600) + "}"), Reason.MALFORMED);
    }

    @Test
    void givenPaddedSignature_verify_refusesTheNonCanonicalEncoding() {
        String genuine = HandMadeTokens.forUser(SECRET, "u1", "Ann", NOW, NOW.plusSeconds(3600));

        assertRefused(genuine + "=", Reason.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // no expiry, or one that is no number of seconds
        "{\"sub\":\"u1\",\"name\":\"Ann\"}",
        "{\"sub\":\"u1\",\"name\":\"Ann\",\"exp\":\"%d\"}",
        "{\"sub\":\"u1\",\"name\":\"Ann\",\"exp\":true}",
        "{\"sub\":\"u1\",\"name\":\"Ann\",\"exp\":-1}",
        "{\"sub\":\"u1\",\"name\":\"Ann\",\"exp\":1e300}",
        "{\"sub\":\"u1\",\"name\":\"Ann\",\"exp\":%d,\"nbf\":\"yesterday\"}",
        "{\"sub\":\"u1\",\"name\":\"Ann\",\"exp\":%d,\"iat\":null}",
        // no user id, or one that is no string or too long
        "{\"name\":\"Ann\",\"exp\":%d}",
        "{\"sub\":42,\"name\":\"Ann\",\"exp\":%d}",
        "{\"sub\":\"\",\"name\":\"Ann\",\"exp\":%d}",
        "{\"sub\":{\"id\":\"u1\"},\"name\":\"Ann\",\"exp\":%d}",
        // no display name, or one no display name can be
        "{\"sub\":\"u1\",\"exp\":%d}",
        "{\"sub\":\"u1\",\"name\":7,\"exp\":%d}",
        "{\"sub\":\"u1\",\"name\":\"   \",\"exp\":%d}",
        "{\"sub\":\"u1\",\"name\":\"a-name-that-is-far-too-long-for-anyone\",\"exp\":%d}",
        "{\"sub\":\"u1\",\"name\":\"Ann\\u0000\",\"exp\":%d}",
    })
    void givenMissingOrWronglyTypedClaims_verify_refusesThem(String claimsTemplate) {
        String claims = claimsTemplate.contains("%d") ? claimsTemplate.formatted(NOW_SECONDS + 3600) : claimsTemplate;
        // Valid in every other way, so the claim named is the one refused.
        String issued = claims.contains("\"iat\"") ? "\"aud\":\"parley\"," : ISSUED_FOR_PARLEY;

        assertRefused(signed(SECRET, HS256_HEADER, "{" + issued + claims.substring(1)), Reason.INVALID_CLAIMS);
    }

    @Test
    void givenFractionalExpiry_verify_comparesItToTheSecond() throws Exception {
        String token = signed(SECRET, HS256_HEADER, "{" + ISSUED_FOR_PARLEY + "\"sub\":\"u1\",\"name\":\"Ann\",\"exp\":" + (NOW_SECONDS + 0.5) + "}");

        assertThat(verifier.verify(token).userId()).isEqualTo(new UserId("u1"));
    }

    @Test
    void givenRefusedToken_verify_neverRepeatsTheTokenOrItsClaimsInTheMessage() {
        String secretishSubject = "user-with-a-very-recognisable-id";
        String token = HandMadeTokens.forUser(OTHER_SECRET, secretishSubject, "Ann", NOW, NOW.plusSeconds(60));

        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOfSatisfying(InvalidTokenException.class, refused ->
                assertThat(refused.getMessage()).doesNotContain(token).doesNotContain(token.split("\\.")[1])
                        .doesNotContain(secretishSubject));
    }

    private void assertRefused(String token, Reason reason) {
        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOfSatisfying(InvalidTokenException.class, refused -> {
                    assertThat(refused.reason()).as(refused.getMessage()).isEqualTo(reason);
                    assertThat(refused.getMessage()).isNotBlank();
                });
    }
}
