package dev.parley.bench.warm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** The warm-path benchmark: its invocation really sends, and JMH can run it (in this JVM, briefly). */
class SendMessageBenchmarkSmokeTest {

    @Test
    void givenARoomOfTen_sendMessage_acknowledgesNineRecipients() {
        var benchmark = new SendMessageBenchmark();
        benchmark.connections = 10;
        benchmark.connectTheRoom();

        var response = benchmark.sendMessage();

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("\"type\":\"ack\"").contains("\"recipients\":9");
    }

    @Test
    void givenJmh_oneShortIteration_measuresATime() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(SendMessageBenchmark.class.getName())
                .param("connections", "2")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200))
                .build()).run();

        assertThat(results).singleElement()
                .satisfies(result -> assertThat(result.getPrimaryResult().getScore()).isPositive());
    }
}
