package dev.parley.chat.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.RoomAccess;
import dev.parley.chat.domain.model.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenIssuerTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Principal ADA = new Principal(new UserId("user-42"), new DisplayName("Ada Lovelace"));

    private final SigningKey key = SigningKey.fromText(HandMadeTokens.SECRET);
    private final TokenIssuer issuer = new TokenIssuer(key, Clock.fixed(NOW, ZoneOffset.UTC), TokenRules.DEFAULT);

    @Test
    void givenPrincipal_issue_writesAnHs256JwtWithItsClaimsAndExpiry() throws Exception {
        String[] parts = issuer.issue(ADA, Duration.ofHours(1)).split("\\.", -1);

        assertThat(parts).hasSize(3);
        assertThat(json(parts[0])).isEqualTo(Map.of("alg", "HS256", "typ", "JWT"));
        assertThat(json(parts[1])).isEqualTo(Map.of("sub", "user-42", "name", "Ada Lovelace", "aud", "parley",
                "iat", (int) NOW.getEpochSecond(), "exp", (int) NOW.plusSeconds(3600).getEpochSecond()));
        assertThat(parts[2]).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void givenPrincipalLimitedToRooms_issue_writesTheRoomsClaimTheVerifierReadsBack() throws Exception {
        var limited = new Principal(new UserId("user-42"), new DisplayName("Ada"), RoomAccess.only(List.of("a", "team-*")));

        String token = issuer.issue(limited, Duration.ofHours(1));

        assertThat(json(token.split("\\.")[1])).containsEntry("rooms", List.of("a", "team-*"));
        assertThat(new TokenVerifier(key, Clock.fixed(NOW, ZoneOffset.UTC), TokenRules.DEFAULT).verify(token)).isEqualTo(limited);
    }

    @Test
    void givenIssuedToken_verify_acceptsItUntilItExpires() throws Exception {
        String token = issuer.issue(ADA, Duration.ofMinutes(10));

        assertThat(new TokenVerifier(key, Clock.fixed(NOW.plusSeconds(599), ZoneOffset.UTC), TokenRules.DEFAULT).verify(token)).isEqualTo(ADA);
        assertThatThrownBy(() -> new TokenVerifier(key, Clock.fixed(NOW.plus(Duration.ofMinutes(11)), ZoneOffset.UTC), TokenRules.DEFAULT).verify(token))
                .isInstanceOfSatisfying(InvalidTokenException.class,
                        expired -> assertThat(expired.reason()).isEqualTo(InvalidTokenException.Reason.EXPIRED));
    }

    @Test
    void givenNameWithQuotesAndNonAsciiLetters_issue_encodesItSoTheVerifierReadsItBack() throws Exception {
        var principal = new Principal(new UserId("id \"quoted\" ü"), new DisplayName("Zoë \"Z\" 😀"));

        assertThat(new TokenVerifier(key, Clock.fixed(NOW, ZoneOffset.UTC), TokenRules.DEFAULT).verify(issuer.issue(principal, Duration.ofSeconds(5))))
                .isEqualTo(principal);
    }

    @Test
    void givenAdministrator_issue_writesTheRoleClaimTheVerifierReadsBack() throws Exception {
        var admin = new Principal(new UserId("ops-1"), new DisplayName("Ops"), RoomAccess.EVERY_ROOM, Role.ADMIN);

        String token = issuer.issue(admin, Duration.ofHours(1));

        assertThat(json(token.split("\\.")[1])).containsEntry("role", "admin");
        assertThat(new TokenVerifier(key, Clock.fixed(NOW, ZoneOffset.UTC), TokenRules.DEFAULT).verify(token)).isEqualTo(admin);
        assertThat(json(issuer.issue(ADA, Duration.ofHours(1)).split("\\.")[1])).doesNotContainKey("role");
    }

    @Test
    void givenRulesOfAnotherAudience_issue_writesThatAudience() throws Exception {
        var issuerForExample = new TokenIssuer(key, Clock.fixed(NOW, ZoneOffset.UTC),
                new TokenRules("chat.example.com", Duration.ofHours(2)));

        assertThat(json(issuerForExample.issue(ADA, Duration.ofHours(2)).split("\\.")[1]))
                .containsEntry("aud", "chat.example.com");
    }

    @Test
    void givenLifetimeOverTheRulesMaximum_issue_refusesItNamingTheLimitAndItsSetting() {
        assertThatThrownBy(() -> issuer.issue(ADA, Duration.ofHours(25))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 24h").hasMessageContaining(TokenRules.MAX_LIFETIME_VARIABLE)
                .hasMessageContaining("not 25h");
    }

    @Test
    void givenLifetimeUnderOneSecond_issue_refusesIt() {
        assertThatThrownBy(() -> issuer.issue(ADA, Duration.ofMillis(999))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one second");
        assertThatThrownBy(() -> issuer.issue(ADA, Duration.ofHours(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, Object> json(String part) throws Exception {
        return JSON.std.mapFrom(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
    }
}
