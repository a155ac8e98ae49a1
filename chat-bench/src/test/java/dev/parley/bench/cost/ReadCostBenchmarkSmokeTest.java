package dev.parley.bench.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.bench.Options;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The read-cost harness at a tiny size: a broadcast reads the active connections, whatever the history. */
class ReadCostBenchmarkSmokeTest {

    @Test
    void givenGrowingHistory_broadcastReads_stayWithTheActiveConnectionsWhileAScanGrows() {
        var output = new ByteArrayOutputStream();
        var settings = ReadCostBenchmark.Settings.from(Options.parse(
                new String[] {"--active", "20", "--historical", "300", "--steps", "1"}, ReadCostBenchmark.OPTIONS));

        List<ReadCostBenchmark.Measurement> measurements =
                ReadCostBenchmark.run(settings, new PrintStream(output, true, StandardCharsets.UTF_8));

        assertThat(measurements).hasSize(2);
        assertThat(ReadCostBenchmark.followsActiveOnly(measurements)).as(output.toString(StandardCharsets.UTF_8)).isTrue();
        assertThat(measurements.get(1).broadcastReads().itemsExamined()).isEqualTo(20);
        assertThat(measurements.get(1).scanReads().itemsExamined()).isEqualTo(320);
        assertThat(measurements.get(1).scanReads().capacityUnits())
                .isGreaterThan(measurements.get(1).broadcastReads().capacityUnits());
    }
}
