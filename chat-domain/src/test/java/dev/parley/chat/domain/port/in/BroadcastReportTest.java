package dev.parley.chat.domain.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.parley.chat.domain.model.MessageId;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The invariant of {@link BroadcastReport}: attempted = delivered + gone + failed, none negative. */
class BroadcastReportTest {

    private static final MessageId BROADCAST_ID = new MessageId(UUID.fromString("6f1c1d1e-8a43-4b8e-9d57-2f0e4c6f9a10"));

    @ParameterizedTest
    @CsvSource({"0, 0, 0, 0", "5, 2, 1, 2", "3, 3, 0, 0", "1, 0, 0, 1"})
    void givenCountsThatAddUp_construct_keepsThem(int attempted, int delivered, int gone, int failed) {
        var report = new BroadcastReport(BROADCAST_ID, attempted, delivered, gone, failed);

        assertThat(report.broadcastId()).isEqualTo(BROADCAST_ID);
        assertThat(report.attempted()).isEqualTo(attempted);
        assertThat(report.delivered()).isEqualTo(delivered);
        assertThat(report.gone()).isEqualTo(gone);
        assertThat(report.failed()).isEqualTo(failed);
    }

    @ParameterizedTest
    @CsvSource({"4, 1, 1, 1", "2, 1, 1, 1", "1, 0, 0, 0", "0, 1, 0, 0"})
    void givenAttemptedOtherThanTheSumOfOutcomes_construct_isRejected(int attempted, int delivered, int gone, int failed) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BroadcastReport(BROADCAST_ID, attempted, delivered, gone, failed));
    }

    @ParameterizedTest
    @CsvSource({"0, -1, 1, 0", "0, 1, -1, 0", "0, 0, 1, -1", "-1, -1, 0, 0"})
    void givenNegativeCount_construct_isRejected(int attempted, int delivered, int gone, int failed) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BroadcastReport(BROADCAST_ID, attempted, delivered, gone, failed));
    }

    /** The sum wraps around to a negative attempted count, which the invariant says no report may have. */
    @Test
    void givenCountsWhoseSumOverflows_construct_isRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BroadcastReport(BROADCAST_ID, Integer.MIN_VALUE, Integer.MAX_VALUE, 1, 0));
    }

    @Test
    void givenNoBroadcastId_construct_isRejected() {
        assertThatNullPointerException().isThrownBy(() -> new BroadcastReport(null, 0, 0, 0, 0));
    }
}
