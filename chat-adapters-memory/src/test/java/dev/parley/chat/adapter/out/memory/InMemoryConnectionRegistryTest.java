package dev.parley.chat.adapter.out.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.domain.fakes.AdjustableClock;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisconnectReason;
import dev.parley.chat.domain.model.Disconnection;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.port.out.AbstractConnectionRegistryTest;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The registry contract, and how the in-memory registry lets go of ended connections. */
class InMemoryConnectionRegistryTest extends AbstractConnectionRegistryTest {

    private static final Instant START = Instant.parse("2026-12-03T12:00:00Z");
    private static final Duration RETENTION = Duration.ofHours(1);

    @Override
    protected ConnectionRegistry createEmptyRegistry() {
        return new InMemoryConnectionRegistry();
    }

    @Test
    void anEndedConnection_isKeptForItsRetention_thenDroppedByALaterRegistration() {
        var clock = new AdjustableClock(START);
        var registry = new InMemoryConnectionRegistry(clock, RETENTION);
        Connection ended = connection("Ann");
        Connection active = connection("Bob");
        registry.register(ended);
        registry.register(active);
        registry.markDisconnected(ended.id(), new Disconnection(START.plusSeconds(10), DisconnectReason.gone()));

        clock.advance(RETENTION); // 10 s short of the retention since it ended
        registry.register(connection("Cy"));
        assertThat(registry.find(ended.id())).as("kept for its retention").isPresent();

        clock.advance(InMemoryConnectionRegistry.SWEEP_INTERVAL);
        registry.register(connection("Dee"));
        assertThat(registry.find(ended.id())).as("dropped after it").isEmpty();
        assertThat(registry.find(active.id())).as("an active connection stays, however old").isPresent();
    }

    @Test
    void aRetentionOfZero_isRefused() {
        assertThatThrownBy(() -> new InMemoryConnectionRegistry(new AdjustableClock(START), Duration.ZERO))
                .hasMessageContaining("retention must be positive");
    }

    private static Connection connection(String name) {
        return new Connection(new ConnectionId(name + "-" + System.nanoTime()), new DisplayName(name), START);
    }
}
