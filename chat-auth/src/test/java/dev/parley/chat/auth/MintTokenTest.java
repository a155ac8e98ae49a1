package dev.parley.chat.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.RoomAccess;
import dev.parley.chat.domain.model.UserId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MintTokenTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void givenSecretUserNameAndTtl_run_printsOnlyATokenTheVerifierAcceptsUntilItsTtlIsOver() throws Exception {
        int status = run(Map.of(), "--secret", HandMadeTokens.SECRET, "--user", "user-42", "--name", "Ada", "--ttl", "30m");

        assertThat(status).isZero();
        String token = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
        assertThat(verifierAt(NOW.plus(Duration.ofMinutes(29))).verify(token))
                .isEqualTo(new Principal(new UserId("user-42"), new DisplayName("Ada")));
        assertThatThrownBy(() -> verifierAt(NOW.plus(Duration.ofMinutes(31))).verify(token))
                .isInstanceOf(InvalidTokenException.class);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void givenSecretInTheEnvironmentAndNoTtl_run_signsWithItForAnHour() throws Exception {
        int status = run(Map.of(MintToken.SECRET_VARIABLE, HandMadeTokens.SECRET), "--user", "u1", "--name", "Bob");

        assertThat(status).isZero();
        String token = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(verifierAt(NOW.plus(Duration.ofMinutes(59))).verify(token).userId()).isEqualTo(new UserId("u1"));
        assertThatThrownBy(() -> verifierAt(NOW.plus(Duration.ofMinutes(61))).verify(token))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void givenRooms_run_signsATokenAdmittingOnlyThoseRoomsAndPrefixes() throws Exception {
        int status = run(Map.of(), "--secret", HandMadeTokens.SECRET, "--user", "u1", "--name", "Ann", "--rooms",
                "a,team-*");

        assertThat(status).isZero();
        assertThat(verifierAt(NOW).verify(out.toString(StandardCharsets.UTF_8).strip()).roomAccess())
                .isEqualTo(RoomAccess.only(List.of("a", "team-*")));
    }

    @Test
    void givenEmptyRooms_run_signsATokenForTheLobbyOnly() throws Exception {
        assertThat(run(Map.of(), "--secret", HandMadeTokens.SECRET, "--user", "u1", "--name", "Ann", "--rooms", ""))
                .isZero();

        assertThat(verifierAt(NOW).verify(out.toString(StandardCharsets.UTF_8).strip()).roomAccess())
                .isEqualTo(RoomAccess.only(List.of()));
    }

    @Test
    void givenHelp_run_explainsTheOptionsAndExits0() {
        assertThat(run(Map.of(), "--help")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--user", "--name", "--ttl", "--rooms", "--secret",
                MintToken.SECRET_VARIABLE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--user u1 --name Ann                               | no secret",
        "--secret short --user u1 --name Ann                | at least 32 bytes",
        "--secret SECRET --name Ann                         | --user is required",
        "--secret SECRET --user u1                          | --name is required",
        "--secret SECRET --user u1 --name Ann --ttl soon    | --ttl soon",
        "--secret SECRET --user u1 --name Ann --ttl 0       | at least one second",
        "--secret SECRET --user u1 --name Ann --ttl 25h     | --ttl 25h: a token lives at most 24h (TOKEN_MAX_LIFETIME)",
        "--secret SECRET --user u1 --name Ann --ttl P365D   | --ttl P365D: a token lives at most 24h",
        "--secret SECRET --user u1 --name Ann --color red   | unknown option '--color'",
        "--secret SECRET --user u1 --name                   | --name needs a value",
        "--secret SECRET --user u1 --user u2 --name Ann     | --user is given twice",
        "--secret SECRET --user u1 --name Ann --rooms a,,b  | '' is neither a room name",
        "--secret SECRET --user u1 --name Ann --rooms a,b/c | 'b/c' is neither a room name",
        "--secret SECRET --user u1 --name Ann --rooms *x    | '*x' is neither a room name",
        "--secret SECRET --user u1 --name Ann --role root   | --role root: the only role is admin",
    })
    void givenWrongArguments_run_saysWhatIsWrongAndExits2(String arguments, String problem) {
        String[] args = arguments.strip().replace("SECRET", HandMadeTokens.SECRET).split(" +");

        assertThat(run(Map.of(), args)).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains(problem).contains("--help");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void givenLongerMaximumAndAudienceInTheEnvironment_run_signsALongerTokenForThatAudience() throws Exception {
        int status = run(Map.of(TokenRules.MAX_LIFETIME_VARIABLE, "48h", TokenRules.AUDIENCE_VARIABLE, "chat.example.com"),
                "--secret", HandMadeTokens.SECRET, "--user", "u1", "--name", "Ann", "--ttl", "36h");

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String token = out.toString(StandardCharsets.UTF_8).strip();
        var sameRules = new TokenVerifier(SigningKey.fromText(HandMadeTokens.SECRET),
                Clock.fixed(NOW.plus(Duration.ofHours(35)), ZoneOffset.UTC), new TokenRules("chat.example.com", Duration.ofHours(48)));
        assertThat(sameRules.verify(token).userId()).isEqualTo(new UserId("u1"));
        assertThatThrownBy(() -> verifierAt(NOW).verify(token)).isInstanceOfSatisfying(InvalidTokenException.class,
                refused -> assertThat(refused.reason()).isEqualTo(InvalidTokenException.Reason.WRONG_AUDIENCE));
    }

    @ParameterizedTest
    @CsvSource({"TOKEN_MAX_LIFETIME, 31d", "TOKEN_MAX_LIFETIME, soon", "TOKEN_AUDIENCE, two words"})
    void givenRulesTheAuthorizerWouldRefuseInTheEnvironment_run_saysWhichAndExits2(String variable, String value) {
        assertThat(run(Map.of(variable, value), "--secret", HandMadeTokens.SECRET, "--user", "u1", "--name", "Ann"))
                .isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains(variable);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"https://d1234abcdefgh.cloudfront.net, https://d1234abcdefgh.cloudfront.net/#token=",
        "http://127.0.0.1:8080/, http://127.0.0.1:8080/#token=", "https://chat.example.com/parley/, https://chat.example.com/parley/#token="})
    void givenLink_run_printsThePageLinkWithTheTokenInTheFragment(String site, String prefix) throws Exception {
        assertThat(run(Map.of(), "--secret", HandMadeTokens.SECRET, "--user", "u1", "--name", "Ann", "--link", site))
                .isZero();

        String link = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(link).startsWith(prefix);
        assertThat(verifierAt(NOW).verify(link.substring(prefix.length())).userId()).isEqualTo(new UserId("u1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"chat.example.com", "ftp://chat.example.com", "https://chat.example.com/?a=1",
        "https://chat.example.com/#x", "https://"})
    void givenLinkThatIsNoSiteUrl_run_refusesIt(String site) {
        assertThat(run(Map.of(), "--secret", HandMadeTokens.SECRET, "--user", "u1", "--name", "Ann", "--link", site))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--link");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void givenRoleAdmin_run_signsAnAdministratorsToken() throws Exception {
        assertThat(run(Map.of(), "--secret", HandMadeTokens.SECRET, "--user", "ops-1", "--name", "Ops", "--role", "admin"))
                .isZero();

        assertThat(verifierAt(NOW).verify(out.toString(StandardCharsets.UTF_8).strip()).role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void givenNameNoDisplayNameCanBe_run_refusesIt() {
        assertThat(run(Map.of(), "--secret", HandMadeTokens.SECRET, "--user", "u1", "--name", "x".repeat(33))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("display name");
    }

    @ParameterizedTest
    @CsvSource({"90s, PT1M30S", "90, PT1M30S", "30m, PT30M", "1h, PT1H", "7d, PT168H", "PT2H, PT2H"})
    void givenDurations_duration_readsEachForm(String text, String expected) {
        assertThat(MintToken.duration(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1y", "-5m", "PT0S", "h"})
    void givenNoPositiveDuration_duration_refusesIt(String text) {
        assertThatThrownBy(() -> MintToken.duration(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--ttl");
    }

    private int run(Map<String, String> environment, String... args) {
        return MintToken.run(args, environment, CLOCK, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static TokenVerifier verifierAt(Instant instant) {
        return new TokenVerifier(SigningKey.fromText(HandMadeTokens.SECRET), Clock.fixed(instant, ZoneOffset.UTC),
                TokenRules.DEFAULT);
    }
}
