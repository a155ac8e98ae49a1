package dev.parley.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.bench.Options;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The soak harness for 12 s, sampling every 2 s: samples are taken and every check runs. The growth limits are set
 * wide, since 12 s are mostly warm-up; {@link GrowthTest} shows they catch growth.
 */
class SoakBenchmarkSmokeTest {

    private static final int CLIENTS = 4;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void givenFourClientsAtASteadyRate_run_samplesTheJvmAndLosesNoMessage() {
        SoakBenchmark.SoakReport report = run("--clients", Integer.toString(CLIENTS), "--rate", "8",
                "--duration-s", "12", "--sample-s", "2", "--drain-s", "20", "--max-heap-growth-kb-per-min", "1000000",
                "--max-thread-growth-per-min", "10000", "--max-fd-growth-per-min", "10000");

        String text = output.toString(StandardCharsets.UTF_8);
        assertThat(report.problems()).as(text).isEmpty();
        assertThat(report.samples()).hasSizeGreaterThanOrEqualTo(6).allSatisfy(sample -> {
            assertThat(sample.heapAfterGcBytes()).isPositive();
            assertThat(sample.threads()).isPositive();
            assertThat(sample.gatewayConnections()).isEqualTo(CLIENTS);
        });
        assertThat(report.samples().get(report.samples().size() - 1).deliveries())
                .isEqualTo(report.verification().expectedDeliveries()).isGreaterThanOrEqualTo(80 * (CLIENTS - 1));
        assertThat(report.growth()).extracting(Growth::quantity).containsExactly("heap after GC", "threads", "open files");
        assertThat(text).contains(ResourceSample.HEADER).contains("RESULT soak clients=4 rate=8 duration_s=12")
                .contains("passed=true");
    }

    @Test
    void givenARateAboveWhatTheClientsMaySend_settings_throwClearError() {
        assertThatThrownBy(() -> run("--clients", "2", "--rate", "21"))
                .hasMessageContaining("more than Parley's 10 messages a second");
    }

    private SoakBenchmark.SoakReport run(String... args) {
        var settings = SoakBenchmark.Settings.from(Options.parse(args, SoakBenchmark.OPTIONS));
        return SoakBenchmark.run(settings, new PrintStream(output, true, StandardCharsets.UTF_8));
    }
}
