package dev.parley.chat.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.domain.model.ConnectionAdmission;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.ConnectionLimit;
import dev.parley.chat.domain.model.MessageAllowance;
import dev.parley.chat.domain.model.MessageDecision;
import dev.parley.chat.domain.model.MessageRateLimit;
import dev.parley.chat.domain.model.PresenceKey;
import dev.parley.chat.domain.model.UserConnections;
import dev.parley.chat.domain.model.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link LimitRegistry} adapter must have: each adapter's test extends this class and supplies a
 * fresh, empty registry. The rules are the domain's; the registry must store their outcome only over what it was
 * decided from, also when instances race.
 */
public abstract class AbstractLimitRegistryTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30.123Z");
    private static final MessageRateLimit LIMIT = new MessageRateLimit(10, 20);
    private static final ConnectionLimit TWO_CONNECTIONS = new ConnectionLimit(2);
    private static final int RACERS = 8;

    private LimitRegistry registry;

    protected abstract LimitRegistry createEmptyRegistry();

    @BeforeEach
    void createRegistry() {
        registry = createEmptyRegistry();
    }

    @Test
    void givenNothingStored_allowance_isEmptyAndConnectionsAreNone() {
        assertThat(registry.allowance(PresenceKey.of(newUser()))).isEmpty();
        assertThat(registry.connectionsOf(newUser())).isEqualTo(UserConnections.NONE);
    }

    @Test
    void givenTokensTakenOneAfterAnother_allowance_isWhatTheLastLeft() {
        PresenceKey sender = PresenceKey.of(newUser());
        var first = take(registry.allowance(sender), NOW);
        assertThat(registry.takeToken(sender, first, LIMIT.fullAgainAt(first.after()))).isTrue();
        var second = take(registry.allowance(sender), NOW.plusMillis(50));

        assertThat(registry.takeToken(sender, second, LIMIT.fullAgainAt(second.after()))).isTrue();

        assertThat(registry.allowance(sender)).contains(second.after());
        assertThat(second.after().tokens()).isEqualByComparingTo("18.5");
    }

    @Test
    void givenTokenTakenFromAnAllowanceNoLongerStored_takeToken_isRefusedAndChangesNothing() {
        PresenceKey sender = PresenceKey.of(newUser());
        var first = take(Optional.empty(), NOW);
        var rival = take(Optional.empty(), NOW.plusMillis(1));
        assertThat(registry.takeToken(sender, first, LIMIT.fullAgainAt(first.after()))).isTrue();

        assertThat(registry.takeToken(sender, rival, LIMIT.fullAgainAt(rival.after()))).isFalse();

        assertThat(registry.allowance(sender)).contains(first.after());
    }

    @Test
    void givenAUserAndAConnection_allowances_areKeptApart() {
        UserId user = newUser();
        var connection = new ConnectionId(UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "=");
        var taken = take(Optional.empty(), NOW);

        assertThat(registry.takeToken(PresenceKey.of(user), taken, LIMIT.fullAgainAt(taken.after()))).isTrue();

        assertThat(registry.allowance(PresenceKey.of(connection))).isEmpty();
        assertThat(registry.allowance(PresenceKey.of(newUser()))).isEmpty();
    }

    @Test
    void givenRacersTakingTheSameToken_takeToken_letsExactlyOneThrough() throws Exception {
        PresenceKey sender = PresenceKey.of(newUser());
        var seed = take(Optional.empty(), NOW);
        registry.takeToken(sender, seed, LIMIT.fullAgainAt(seed.after()));
        List<MessageDecision.Allowed> rivals = IntStream.range(0, RACERS)
                .mapToObj(i -> take(Optional.of(seed.after()), NOW.plusMillis(1 + i)))
                .toList();

        long winners = race(rivals.stream()
                .<Callable<Boolean>>map(rival -> () -> registry.takeToken(sender, rival, LIMIT.fullAgainAt(rival.after())))
                .toList());

        assertThat(winners).isOne();
    }

    @Test
    void givenPlacesTakenAndGivenBack_connectionsOf_isTheLatestRevision() {
        UserId user = newUser();
        ConnectionId first = connection("first");
        ConnectionId second = connection("second");
        var one = admitted(registry.connectionsOf(user), first, NOW);
        assertThat(registry.replaceConnections(user, one.before(), one.after())).isTrue();
        var two = admitted(registry.connectionsOf(user), second, NOW.plusSeconds(1));
        assertThat(registry.replaceConnections(user, two.before(), two.after())).isTrue();
        UserConnections rest = two.after().release(first).orElseThrow();

        assertThat(registry.replaceConnections(user, two.after(), rest)).isTrue();

        assertThat(registry.connectionsOf(user)).isEqualTo(rest);
        assertThat(rest.revision()).isEqualTo(3);
        assertThat(rest.open()).containsOnlyKeys(second).containsEntry(second, NOW.plusSeconds(1));
        UserConnections none = rest.release(second).orElseThrow();
        assertThat(registry.replaceConnections(user, rest, none)).isTrue();
        assertThat(registry.connectionsOf(user)).isEqualTo(none);
    }

    @Test
    void givenAChangeMadeFromAStaleRevision_replaceConnections_isRefusedAndChangesNothing() {
        UserId user = newUser();
        var stale = admitted(UserConnections.NONE, connection("late"), NOW);
        var stored = admitted(UserConnections.NONE, connection("early"), NOW);
        assertThat(registry.replaceConnections(user, stored.before(), stored.after())).isTrue();

        assertThat(registry.replaceConnections(user, stale.before(), stale.after())).isFalse();

        assertThat(registry.connectionsOf(user)).isEqualTo(stored.after());
    }

    @Test
    void givenRacersForTheLastPlace_replaceConnections_admitsExactlyOne() throws Exception {
        UserId user = newUser();
        var first = admitted(UserConnections.NONE, connection("first"), NOW);
        registry.replaceConnections(user, first.before(), first.after());
        List<ConnectionAdmission.Admitted> rivals = IntStream.range(0, RACERS)
                .mapToObj(i -> admitted(first.after(), connection("rival" + i), NOW.plusMillis(i)))
                .toList();

        long winners = race(rivals.stream()
                .<Callable<Boolean>>map(rival -> () -> registry.replaceConnections(user, rival.before(), rival.after()))
                .toList());

        assertThat(winners).isOne();
        assertThat(registry.connectionsOf(user).open()).hasSize(2);
    }

    private static MessageDecision.Allowed take(Optional<MessageAllowance> current, Instant at) {
        return (MessageDecision.Allowed) LIMIT.take(current, at);
    }

    private static ConnectionAdmission.Admitted admitted(UserConnections current, ConnectionId connection, Instant at) {
        return (ConnectionAdmission.Admitted) current.admit(connection, at, TWO_CONNECTIONS);
    }

    /** How many of {@code racers}, started together, returned true. */
    private static long race(List<Callable<Boolean>> racers) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(racers.size());
        try {
            var start = new CountDownLatch(1);
            List<Future<Boolean>> results = racers.stream()
                    .map(racer -> threads.submit(() -> {
                        start.await();
                        return racer.call();
                    }))
                    .toList();
            start.countDown();
            long winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get() ? 1 : 0;
            }
            return winners;
        } finally {
            threads.shutdownNow();
        }
    }

    private static UserId newUser() {
        return new UserId("user-" + UUID.randomUUID());
    }

    private static ConnectionId connection(String name) {
        return new ConnectionId(name + UUID.randomUUID().toString().replace("-", "").substring(0, 8) + "=");
    }
}
