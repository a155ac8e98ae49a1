package dev.parley.bench.resume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.bench.Options;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The resume harness at a tiny size, against a throttle tighter than the publisher assumes: the resuming connection
 * gets its joined frame and every missed message once, and the missed messages are read by Query, not one by one.
 */
class ResumeBenchmarkSmokeTest {

    private static final int MISSED = 30;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @Test
    void givenThirtyStoredMessages_resume_replaysEachOnceAndReadsThemByQuery() {
        // A bucket as tight as the other smoke tests use: the replay, one frame after another, stays within it.
        List<ResumeBenchmark.ResumeRun> runs = run("--missed", "" + MISSED, "--message-bytes", "100",
                "--latency-ms", "1", "--rate", "200", "--burst", "5", "--runs", "2", "--warmup", "1");

        assertThat(runs).hasSize(2).allSatisfy(run -> {
            assertThat(run.frames()).as(log()).isEqualTo(MISSED + 1);
            assertThat(run.reads().queries()).as(log()).isPositive();
            // The missed messages (and the room's one presence) are read by Query pages, none by GetItem.
            assertThat(run.reads().itemsExaminedByPages()).as(log()).isGreaterThanOrEqualTo(MISSED);
            assertThat(run.reads().getItems()).as(log()).isLessThan(MISSED);
            assertThat(run.reads().capacityUnits()).as(log()).isPositive();
        });
        assertThat(log()).contains("RESULT resume missed=30 message_bytes=100 latency_ms=1")
                .contains("complete=true").doesNotContain("NO (");
    }

    @Test
    void givenMoreMissedThanTheWindow_run_isRefusedInWords() {
        assertThatThrownBy(() -> run("--missed", "1001"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--missed is at most the history window, 1000");
    }

    private List<ResumeBenchmark.ResumeRun> run(String... args) {
        var settings = ResumeBenchmark.Settings.from(Options.parse(args, ResumeBenchmark.OPTIONS));
        return ResumeBenchmark.run(settings, new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    private String log() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
