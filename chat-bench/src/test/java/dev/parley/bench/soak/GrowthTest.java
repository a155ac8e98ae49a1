package dev.parley.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GrowthTest {

    @Test
    void givenAHeapGrowingTwoMegabytesAMinute_of_flagsIt() {
        List<Growth.Point> heap = series(minute -> 40_000 + 2_048 * minute);

        Growth growth = Growth.of("heap after GC", "KB", heap, 1_024);

        assertThat(growth.perMinute()).isCloseTo(2_048, within(0.01));
        assertThat(growth.withinLimit()).isFalse();
        assertThat(growth.toString()).endsWith("GROWING");
    }

    @Test
    void givenAFlatSeriesWithNoise_of_findsItWithinTheLimit() {
        List<Growth.Point> threads = series(minute -> 405 + (Math.round(minute * 6) % 2 == 0 ? 2 : -2));

        Growth growth = Growth.of("threads", "threads", threads, 1);

        assertThat(Math.abs(growth.perMinute())).isLessThan(1);
        assertThat(growth.withinLimit()).isTrue();
        assertThat(growth.min()).isEqualTo(403);
        assertThat(growth.max()).isEqualTo(407);
    }

    @Test
    void givenGrowthOnlyInTheFirstHalf_of_leavesTheWarmUpOut() {
        List<Growth.Point> heap = series(minute -> minute < 5 ? 10_000 * minute : 50_000);

        assertThat(Growth.of("heap after GC", "KB", heap, 1_024).withinLimit()).isTrue();
    }

    @Test
    void givenFewerThanTwoSamplesInTheSecondHalf_of_throwsClearError() {
        assertThatThrownBy(() -> Growth.of("threads", "threads", List.of(new Growth.Point(0, 1)), 1))
                .hasMessageContaining("a trend needs at least 2");
    }

    /** A sample every 10 s for 10 minutes. */
    private static List<Growth.Point> series(java.util.function.DoubleUnaryOperator valueAtMinute) {
        return IntStream.rangeClosed(0, 60).mapToObj(n -> n / 6.0)
                .map(minute -> new Growth.Point(minute, valueAtMinute.applyAsDouble(minute))).toList();
    }
}
