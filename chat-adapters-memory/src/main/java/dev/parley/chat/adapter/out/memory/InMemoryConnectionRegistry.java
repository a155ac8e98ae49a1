package dev.parley.chat.adapter.out.memory;

import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.ConnectionRecord;
import dev.parley.chat.domain.model.Disconnection;
import dev.parley.chat.domain.model.PostedText;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A {@link ConnectionRegistry} in a map: the registry of a single-node chat-server and of tests, and the reference the
 * contract test is written against. Each change is the record's own rule, applied inside the map's atomic update of
 * that record. An ended connection's record is dropped once {@code retention} has passed since it ended, as the
 * DynamoDB table's time to live deletes its row: a long-running server does not grow with every connection it ever
 * had. Registrations sweep for them at most once a {@link #SWEEP_INTERVAL}.
 */
public final class InMemoryConnectionRegistry implements ConnectionRegistry {

    /**
     * How long a single node keeps an ended connection's record: long enough for a late direct message or a resume to
     * learn that the connection ended, not the DynamoDB table's 30 days, which would hold every connection of a month
     * in the heap (and a restart loses them anyway).
     */
    public static final Duration DEFAULT_RETENTION = Duration.ofHours(1);
    static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final ConcurrentMap<ConnectionId, ConnectionRecord> records = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration retention;
    private final AtomicReference<Instant> nextSweep;

    /** Ended records kept for {@link #DEFAULT_RETENTION}, by the system clock. */
    public InMemoryConnectionRegistry() {
        this(Clock.systemUTC(), DEFAULT_RETENTION);
    }

    public InMemoryConnectionRegistry(Clock clock, Duration retention) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retention = Objects.requireNonNull(retention, "retention");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive, not " + retention);
        }
        this.nextSweep = new AtomicReference<>(clock.instant().plus(SWEEP_INTERVAL));
    }

    @Override
    public void register(Connection connection) {
        records.put(connection.id(), ConnectionRecord.registered(connection));
        dropEnded();
    }

    /** Drops the records whose connection ended more than the retention ago; one caller a sweep interval does it. */
    private void dropEnded() {
        Instant now = clock.instant();
        Instant due = nextSweep.get();
        if (now.isBefore(due) || !nextSweep.compareAndSet(due, now.plus(SWEEP_INTERVAL))) {
            return;
        }
        Instant endedBefore = now.minus(retention);
        records.values().removeIf(record -> record.disconnection()
                .filter(ended -> ended.at().isBefore(endedBefore)).isPresent());
    }

    @Override
    public Optional<ConnectionRecord> find(ConnectionId id) {
        return Optional.ofNullable(records.get(id));
    }

    @Override
    public boolean markDisconnected(ConnectionId id, Disconnection disconnection) {
        return update(id, current -> current.disconnect(disconnection));
    }

    @Override
    public void recordMessage(ConnectionId sender, PostedText message) {
        records.computeIfPresent(sender, (key, current) -> current.recordMessage(message));
    }

    @Override
    public void recordBroadcast(Collection<ConnectionId> reached, PostedText broadcast) {
        for (ConnectionId id : reached) {
            records.computeIfPresent(id, (key, current) -> current.recordBroadcast(broadcast));
        }
    }

    @Override
    public Stream<Connection> activeConnections() {
        return records.values().stream()
                .filter(ConnectionRecord::isActive)
                .map(ConnectionRecord::connection)
                .sorted(Comparator.comparing(connection -> connection.id().value()));
    }

    /** Stores what {@code change} makes of the record; false, storing nothing, when it refuses or the id is unknown. */
    private boolean update(ConnectionId id, Function<ConnectionRecord, Optional<ConnectionRecord>> change) {
        var changed = new AtomicBoolean();
        records.computeIfPresent(id, (key, current) -> {
            Optional<ConnectionRecord> next = change.apply(current);
            changed.set(next.isPresent());
            return next.orElse(current);
        });
        return changed.get();
    }
}
