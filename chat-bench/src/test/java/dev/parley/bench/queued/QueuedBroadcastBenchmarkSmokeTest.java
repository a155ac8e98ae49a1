package dev.parley.bench.queued;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.bench.Options;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The queued broadcast harness once, at a tiny size: both paths reach every recipient, and it says so. */
class QueuedBroadcastBenchmarkSmokeTest {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @Test
    void givenATinyAudienceInSeveralPages_run_reachesEveryoneInlineAndQueued() throws Exception {
        var settings = QueuedBroadcastBenchmark.Settings.from(Options.parse(new String[] {"--connections", "30",
                "--latency-ms", "2", "--rate", "400", "--burst", "20", "--runs", "1", "--page-size", "7"},
                QueuedBroadcastBenchmark.OPTIONS));

        boolean lossless = QueuedBroadcastBenchmark.run(settings, new PrintStream(output, true, StandardCharsets.UTF_8));

        String printed = output.toString(StandardCharsets.UTF_8);
        assertThat(lossless).as(printed).isTrue();
        assertThat(printed).contains("RESULT queued-broadcast path=inline store=dynalite connections=30 run=1")
                .contains("RESULT queued-broadcast path=queued store=dynalite connections=30 run=1")
                .doesNotContainPattern("none=[1-9]");
    }

    @Test
    void givenTheMemoryStoreAndTheQueuedPathOnly_run_reachesEveryoneThroughTheQueue() throws Exception {
        var settings = QueuedBroadcastBenchmark.Settings.from(Options.parse(new String[] {"--connections", "30",
                "--latency-ms", "2", "--rate", "400", "--burst", "20", "--runs", "1", "--page-size", "7",
                "--store", "memory", "--paths", "queued"}, QueuedBroadcastBenchmark.OPTIONS));

        boolean lossless = QueuedBroadcastBenchmark.run(settings, new PrintStream(output, true, StandardCharsets.UTF_8));

        String printed = output.toString(StandardCharsets.UTF_8);
        assertThat(lossless).as(printed).isTrue();
        assertThat(printed).contains("RESULT queued-broadcast path=queued store=memory connections=30 run=1")
                .doesNotContain("path=inline")
                .doesNotContainPattern("none=[1-9]");
    }
}
