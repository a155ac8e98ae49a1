package dev.parley.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualConnectionsTest {

    @Test
    void givenCopiesReceived_tally_countsConnectionsByCopies() {
        var virtual = VirtualConnections.of(List.of("a=", "b=", "c=", "d="));

        virtual.receive("a=");
        virtual.receive("b=");
        virtual.receive("b=");
        virtual.receive("b=");
        virtual.receive("c=");

        assertThat(virtual.tally()).isEqualTo(new VirtualConnections.Tally(4, 1, 2, 1, 5));
        assertThat(virtual.tally().exactlyOneEach()).isFalse();
        assertThat(virtual.copiesTo("b=")).isEqualTo(3);
    }

    @Test
    void givenUnknownId_receive_isRefusedAndCountsNothing() {
        var virtual = VirtualConnections.of(List.of("a="));

        assertThat(virtual.receive("z=")).isFalse();
        assertThat(virtual.copiesTo("z=")).isZero();
        assertThat(virtual.tally().copies()).isZero();
        assertThat(VirtualConnections.none().receive("a=")).isFalse();
    }

    @Test
    void givenOneCopyEach_tally_saysExactlyOneEach_andResetStartsOver() {
        var virtual = VirtualConnections.of(List.of("a=", "b=", "a="));
        virtual.receive("a=");
        virtual.receive("b=");

        assertThat(virtual.tally().exactlyOneEach()).isTrue();
        virtual.reset();
        assertThat(virtual.tally()).isEqualTo(new VirtualConnections.Tally(2, 2, 0, 0, 0));
    }

    @Test
    void givenBlankOrNullId_of_failsClearly() {
        assertThatThrownBy(() -> VirtualConnections.of(List.of(" "))).hasMessageContaining("blank");
        assertThatThrownBy(() -> VirtualConnections.of(Arrays.asList("a=", null))).hasMessageContaining("null");
        assertThatThrownBy(() -> new VirtualConnections.Tally(3, 1, 1, 0, 1)).hasMessageContaining("connections");
    }
}
