package dev.parley.chat.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The descriptions are stored in the audit trail: these pin the words, which must not change with the code. */
class DisconnectReasonTest {

    @Test
    void givenReporter_transportReported_saysTheConnectionClosedAndWhoReportedIt() {
        assertThat(DisconnectReason.transportReported(" the idle timer ").description())
                .isEqualTo("closed: reported by the idle timer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void givenBlankReporter_transportReported_isRejected(String reporter) {
        assertThatIllegalArgumentException().isThrownBy(() -> DisconnectReason.transportReported(reporter))
                .withMessageContaining("what reported the close");
    }

    @Test
    void givenSendFoundTheConnectionGone_gone_keepsTheWordsTheAuditTrailHasAlwaysStored() {
        assertThat(DisconnectReason.gone().description()).isEqualTo("gone: a send answered 410");
    }

    @Test
    void givenStatusAndReason_closed_saysBoth() {
        assertThat(DisconnectReason.closed(1001, " going away ").description())
                .isEqualTo("closed with status 1001: going away");
        assertThat(DisconnectReason.closed(1006, "").description()).isEqualTo("closed with status 1006");
    }
}
