package dev.parley.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.local.gateway.CallbackFaults.Fault;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CallbackFaultsTest {

    private final CallbackFaults faults = new CallbackFaults();

    @Test
    void givenFaultsForTheNextSends_take_answersThemInOrderThenNoneAndCountsThem() {
        faults.failNext("a=", Fault.THROTTLED, Fault.INTERNAL_ERROR).failNext("a=", Fault.THROTTLED);

        assertThat(Stream.generate(() -> faults.take("a=")).limit(5)).containsExactly(Optional.of(Fault.THROTTLED),
                Optional.of(Fault.INTERNAL_ERROR), Optional.of(Fault.THROTTLED), Optional.empty(), Optional.empty());
        assertThat(faults.injected("a=")).isEqualTo(3);
    }

    @Test
    void givenLastingFault_take_answersItEveryTimeBeforeAnyNextFault() {
        faults.failNext("gone=", Fault.THROTTLED).failAlways("gone=", Fault.GONE);

        assertThat(Stream.generate(() -> faults.take("gone=")).limit(3)).containsOnly(Optional.of(Fault.GONE));
        assertThat(faults.injected("gone=")).isEqualTo(3);
    }

    @Test
    void givenFaultsForOneConnection_take_leavesOtherConnectionsAlone() {
        faults.failAlways("gone=", Fault.GONE).failNext("slow=", Fault.THROTTLED);

        assertThat(faults.take("other=")).isEmpty();
        assertThat(faults.injected("other=")).isZero();
    }
}
