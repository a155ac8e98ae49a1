package dev.parley.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.bench.Options;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The load harness once per transport, at a tiny size: 10 real clients through all of Parley, every check passing. */
class LoadBenchmarkSmokeTest {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @ParameterizedTest
    @ValueSource(strings = {"chat-local", "chat-server"})
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void givenTenClientsSendingFiveMessagesEach_run_deliversEachToEveryOtherClientOnceInOrder(String transport) {
        LoadBenchmark.LoadReport report = runOne("--clients", "10", "--messages", "5", "--min-interval-ms", "20",
                "--max-interval-ms", "150", "--warmup-s", "1", "--warmup-rate", "10", "--deadline-s", "60",
                "--drain-s", "20", "--transport", transport);

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
                .contains("passed=true transport=" + transport);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void givenBothTransports_runEach_runsChatLocalThenChatServerAndPrintsThemSideBySide() {
        List<LoadBenchmark.LoadReport> reports = runEach("--clients", "4", "--messages", "3", "--min-interval-ms",
                "20", "--max-interval-ms", "100", "--warmup-s", "0", "--deadline-s", "60", "--drain-s", "20",
                "--transport", "both");

        String text = output.toString(StandardCharsets.UTF_8);
        assertThat(reports).as(text).extracting(LoadBenchmark.LoadReport::transport)
                .containsExactly(Transport.CHAT_LOCAL, Transport.CHAT_SERVER);
        assertThat(reports).as(text).allSatisfy(report -> assertThat(report.problems()).isEmpty());
        assertThat(text).containsPattern("\\n {34} +chat-local +chat-server\\n")
                .containsPattern("delivery p99 ms +[0-9.]+ +[0-9.]+\\n")
                .containsPattern("deliveries \\(measured\\) +36 +36\\n")
                .containsPattern("exactly once, in order, all acked +yes +yes\\n");
    }

    @Test
    void givenAnUnknownTransport_settings_throwClearError() {
        assertThatThrownBy(() -> runOne("--transport", "carrier-pigeon"))
                .hasMessage("--transport must be one of [chat-local, chat-server, both], not 'carrier-pigeon'");
    }

    @Test
    void givenAMaximumIntervalBelowTheMinimum_settings_throwClearError() {
        assertThatThrownBy(() -> runOne("--min-interval-ms", "500", "--max-interval-ms", "100"))
                .hasMessage("--max-interval-ms must be at least --min-interval-ms");
    }

    private LoadBenchmark.LoadReport runOne(String... args) {
        List<LoadBenchmark.LoadReport> reports = runEach(args);
        assertThat(reports).hasSize(1);
        return reports.get(0);
    }

    private List<LoadBenchmark.LoadReport> runEach(String... args) {
        var settings = LoadBenchmark.Settings.from(Options.parse(args, LoadBenchmark.OPTIONS));
        return LoadBenchmark.runEach(settings, new PrintStream(output, true, StandardCharsets.UTF_8));
    }
}
