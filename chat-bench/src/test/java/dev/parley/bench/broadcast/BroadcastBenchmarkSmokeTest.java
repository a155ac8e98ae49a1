package dev.parley.bench.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.bench.Options;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fan-out harness once, at a tiny size: every recipient gets exactly one copy, every 429 is retried. */
class BroadcastBenchmarkSmokeTest {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @Test
    void givenAThrottleTighterThanThePublisherAssumes_run_retriesEvery429AndLosesNothing() {
        // The publisher paces to 10,000/s with a 5,000 burst; this bucket holds 5 and refills at 200/s.
        List<BroadcastRun> runs = run("--connections", "40", "--latency-ms", "2", "--rate", "200", "--burst", "5",
                "--runs", "1", "--warmup", "0");

        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.lossless(40)).as(output.toString(StandardCharsets.UTF_8)).isTrue();
            assertThat(run.fanOut().throttled()).isPositive();
            assertThat(run.fanOut().posts()).isEqualTo(40 + run.fanOut().throttled());
        });
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("RESULT broadcast connections=40 registry=memory")
                .contains("lossless=true");
    }

    @Test
    void givenDynaliteRegistryAndAMatchingPace_run_deliversOneCopyEachWithoutThrottling() {
        List<BroadcastRun> runs = run("--connections", "40", "--registry", "dynalite", "--latency-ms", "2",
                "--rate", "400", "--burst", "20", "--client-rate", "400", "--client-burst", "20", "--runs", "1",
                "--warmup", "0");

        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.lossless(40)).as(output.toString(StandardCharsets.UTF_8)).isTrue();
            assertThat(run.fanOut().result().delivered()).isEqualTo(40);
        });
    }

    private List<BroadcastRun> run(String... args) {
        var settings = BroadcastBenchmark.Settings.from(Options.parse(args, BroadcastBenchmark.OPTIONS));
        return BroadcastBenchmark.run(settings, new PrintStream(output, true, StandardCharsets.UTF_8));
    }
}
