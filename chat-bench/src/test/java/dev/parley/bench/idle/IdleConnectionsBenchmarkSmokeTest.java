package dev.parley.bench.idle;

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

/**
 * The idle-connections harness once, at a tiny size: a chat-server process (its main from this classpath), 150
 * connections from two client JVMs, every one counted and reached by the probe, the heap read by jcmd.
 */
class IdleConnectionsBenchmarkSmokeTest {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void givenTwoClientJvms_run_countsEveryConnectionOpenAndReachesEveryOneWithTheProbe() {
        List<IdleLevel> levels = run("--connections", "150", "--per-client-jvm", "100", "--client-heap-mb", "128",
                "--heap-mb", "128", "--patience-s", "60");

        String text = output.toString(StandardCharsets.UTF_8);
        assertThat(levels).as(text).singleElement().satisfies(level -> {
            assertThat(level.problems()).isEmpty();
            assertThat(level.clientJvms()).isEqualTo(2);
            assertThat(level.counted()).isEqualTo(150);
            assertThat(level.probeReached()).isEqualTo(149);
            assertThat(level.heapKb()).isGreaterThan(level.baselineHeapKb()).isLessThan(128 * 1024);
            assertThat(level.descriptors()).isGreaterThanOrEqualTo(level.baselineDescriptors() + 150);
            assertThat(level.descriptorLimit()).isPositive();
            assertThat(level.rssKb()).isPositive();
        });
        assertThat(text).containsPattern("RESULT idle connections=150 heap_mb=[0-9.]+ baseline_heap_mb=[0-9.]+ "
                + "heap_bytes_per_connection=[0-9]+ ").contains("probe_reached=149 passed=true")
                .containsPattern("summary: at most [0-9,]+ heap bytes a connection \\(N = 150\\); 128 MB of heap");
    }

    @Test
    void givenAConnectionCountBelowTwo_settings_throwClearError() {
        assertThatThrownBy(() -> run("--connections", "5000,1"))
                .hasMessage("--connections must each be at least 2 (one sends, the others receive), not '5000,1'");
    }

    private List<IdleLevel> run(String... args) {
        var settings = IdleConnectionsBenchmark.Settings.from(Options.parse(args, IdleConnectionsBenchmark.OPTIONS));
        return IdleConnectionsBenchmark.run(settings, new PrintStream(output, true, StandardCharsets.UTF_8));
    }
}
