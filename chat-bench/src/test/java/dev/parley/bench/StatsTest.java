package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void givenOddAndEvenCounts_median_isTheMiddleOrTheMeanOfTheMiddleTwo() {
        assertThat(Stats.median(List.of(9, 1, 5))).isEqualTo(5.0);
        assertThat(Stats.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
        assertThat(Stats.range(List.of(4.0, 1.0, 3.0))).containsExactly(1.0, 4.0);
    }

    @Test
    void givenNoValues_median_throwsClearError() {
        assertThatThrownBy(() -> Stats.median(List.of())).hasMessage("no values to take the median of");
    }
}
