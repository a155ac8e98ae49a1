package dev.parley.bench.queued;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.bench.Options;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The audit trail floor harness once, at a tiny size: it writes and reports a rate for each number of callers. */
class AuditTrailFloorBenchmarkSmokeTest {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @Test
    void givenATinyAudience_run_reportsARateForOneAndTwoCallers() {
        var settings = AuditTrailFloorBenchmark.Settings.from(Options.parse(
                new String[] {"--connections", "40", "--max-callers", "2"}, AuditTrailFloorBenchmark.OPTIONS));

        double best = AuditTrailFloorBenchmark.run(settings, new PrintStream(output, true, StandardCharsets.UTF_8));

        String printed = output.toString(StandardCharsets.UTF_8);
        assertThat(best).as(printed).isPositive();
        assertThat(printed).contains("RESULT audit-trail-floor connections=40 callers=1 ")
                .contains("RESULT audit-trail-floor connections=40 callers=2 ");
    }
}
