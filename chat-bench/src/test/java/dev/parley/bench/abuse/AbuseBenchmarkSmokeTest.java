package dev.parley.bench.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.bench.Options;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A short run of the harness: its phases, the abuser's answers and the RESULT line, not its timing. */
class AbuseBenchmarkSmokeTest {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void givenFourUsersAndAnAbuser_run_measuresBothPhasesAndTheAbuserIsRateLimited() {
        var settings = AbuseBenchmark.Settings.from(Options.parse(new String[] {"--clients", "4", "--rate", "8",
                "--seconds", "2", "--warmup-s", "1", "--abuse-rate", "200", "--abuse-connections", "5",
                "--drain-s", "20"}, AbuseBenchmark.OPTIONS));

        AbuseBenchmark.AbuseReport report = AbuseBenchmark.run(settings, new PrintStream(output, true,
                StandardCharsets.UTF_8));

        String text = output.toString(StandardCharsets.UTF_8);
        assertThat(report.problems()).as(text).isEmpty();
        assertThat(report.quiet().count()).as("deliveries measured quiet").isPositive();
        assertThat(report.abused().count()).as("deliveries measured abused").isPositive();
        assertThat(report.abuseSent()).isPositive();
        assertThat(report.abuseAnswers()).containsKey("error RATE_LIMITED")
                .allSatisfy((kind, count) -> assertThat(kind).isIn("pong", "error RATE_LIMITED", "error INVALID_JSON",
                        "error UNKNOWN_RECIPIENT"));
        assertThat(text).containsPattern("RESULT abuse clients=4 rate=8 seconds=2 abuse_rate=200 abuse_connections=5 "
                + "quiet_p50_ms=[0-9.]+ .*abused_p99_ms=[0-9.]+ .*ratio_p99=[0-9.]+ within_target=(true|false) "
                + "passed=true");
    }
}
