package dev.parley.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.bench.Options;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The load harness once, at a tiny size: 10 real clients through all of Parley, every check passing. */
class LoadBenchmarkSmokeTest {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void givenTenClientsSendingFiveMessagesEach_run_deliversEachToEveryOtherClientOnceInOrder() {
        LoadBenchmark.LoadReport report = run("--clients", "10", "--messages", "5", "--min-interval-ms", "20",
                "--max-interval-ms", "150", "--warmup-s", "1", "--warmup-rate", "10", "--deadline-s", "60",
                "--drain-s", "20");

        String text = output.toString(StandardCharsets.UTF_8);
        assertThat(report.problems()).as(text).isEmpty();
        assertThat(report.deliveries()).isEqualTo(10 * 5 * 9);
        assertThat(report.verification().deliveries()).isEqualTo(report.verification().expectedDeliveries())
                .isGreaterThan(10 * 5 * 9);
        assertThat(report.delivery().count()).isEqualTo(10 * 5 * 9);
        assertThat(report.ack().count()).isEqualTo(10 * 5);
        assertThat(report.delivery().p99()).isPositive().isLessThanOrEqualTo(report.delivery().max());
        assertThat(text).contains("warm-up: ", "every one delivered")
                .containsPattern("RESULT load clients=10 messages=5 deliveries=450 expected=450 latency_p50_ms=[0-9.]+ "
                        + "latency_p90_ms=[0-9.]+ latency_p99_ms=[0-9.]+ latency_p999_ms=[0-9.]+ latency_max_ms=[0-9.]+ ")
                .contains("passed=true");
    }

    @Test
    void givenAMaximumIntervalBelowTheMinimum_settings_throwClearError() {
        assertThatThrownBy(() -> run("--min-interval-ms", "500", "--max-interval-ms", "100"))
                .hasMessage("--max-interval-ms must be at least --min-interval-ms");
    }

    private LoadBenchmark.LoadReport run(String... args) {
        var settings = LoadBenchmark.Settings.from(Options.parse(args, LoadBenchmark.OPTIONS));
        return LoadBenchmark.run(settings, new PrintStream(output, true, StandardCharsets.UTF_8));
    }
}
