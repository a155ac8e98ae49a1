package dev.parley.chat.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.domain.fakes.AdjustableClock;
import dev.parley.chat.adapter.out.memory.InMemoryLimitRegistry;
import dev.parley.chat.domain.model.MessageRateLimit;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.port.in.ChargeFrameCommand;
import dev.parley.chat.domain.port.in.FrameCharge;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** However a user spreads frames over connections and reconnects, the frames charged stay within one bucket. */
class ChargeFramePropertyTest {

    private static final MessageRateLimit LIMIT = new MessageRateLimit(10, 20);
    private static final UserId ADA = new UserId("auth0|ada");

    /**
     * @param frames each frame: the connection it comes on (a new number is a reconnect) and the milliseconds since
     *               the frame before
     */
    @Property(tries = 200)
    void framesOfOneUserOnAnyConnections_neverExceedTheBurstPlusTheRefill(
            @ForAll @Size(min = 1, max = 300) List<@IntRange(min = 0, max = 40) Integer> connections,
            @ForAll @Size(min = 300, max = 300) List<@IntRange(min = 0, max = 60) Integer> gapsMillis) {
        var clock = new AdjustableClock(ChatFixture.NOW);
        var service = new ChargeFrameService(new InMemoryLimitRegistry(), clock, LIMIT);
        long charged = 0;
        Duration elapsed = Duration.ZERO;

        for (int frame = 0; frame < connections.size(); frame++) {
            Duration gap = Duration.ofMillis(gapsMillis.get(frame));
            clock.advance(gap);
            elapsed = elapsed.plus(gap);
            var command = new ChargeFrameCommand(ChatFixture.idOf("tab" + connections.get(frame)), Optional.of(ADA));
            if (service.charge(command) instanceof FrameCharge.Charged) {
                charged++;
            }
        }

        BigDecimal bound = BigDecimal.valueOf(LIMIT.burst())
                .add(BigDecimal.valueOf(LIMIT.perSecond()).multiply(BigDecimal.valueOf(elapsed.toMillis(), 3)));
        assertThat(BigDecimal.valueOf(charged)).isLessThanOrEqualTo(bound);
    }
}
