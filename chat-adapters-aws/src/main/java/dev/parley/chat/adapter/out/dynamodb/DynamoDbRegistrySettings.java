package dev.parley.chat.adapter.out.dynamodb;

import dev.parley.chat.domain.model.ConnectionId;
import java.time.Duration;
import java.util.Objects;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * How the DynamoDB registry uses its table.
 *
 * @param tableName      the {@link ChatDetailsTable} to use
 * @param activeShards   how many partition keys the active-connections index spreads over; changing it strands the
 *                       active rows of the shards no longer read until they disconnect, so change it between
 *                       deployments only when no one is connected
 * @param queryPageSize  items per Query page; 0 lets DynamoDB fill its own 1 MB pages
 * @param retention      how long a connection's record is kept after it ended, before time to live deletes it
 */
public record DynamoDbRegistrySettings(String tableName, int activeShards, int queryPageSize, Duration retention) {

    public static final int DEFAULT_ACTIVE_SHARDS = 4;
    public static final int MAX_ACTIVE_SHARDS = 256;
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

    public DynamoDbRegistrySettings {
        ChatDetailsTable.requireValidName(tableName);
        requireValidActiveShards(activeShards);
        if (queryPageSize < 0) {
            throw new IllegalArgumentException(
                    "query page size must be 0 (DynamoDB's 1 MB pages) or positive, not " + queryPageSize);
        }
        Objects.requireNonNull(retention, "retention");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive, not " + retention);
        }
    }

    /** The number of shards when the registry can use it, so configuration can name the setting that is wrong. */
    public static int requireValidActiveShards(int activeShards) {
        if (activeShards < 1 || activeShards > MAX_ACTIVE_SHARDS) {
            throw new IllegalArgumentException(
                    "active shards must be 1 to " + MAX_ACTIVE_SHARDS + ", not " + activeShards);
        }
        return activeShards;
    }

    /** Four shards, DynamoDB's own page size and 30 days of retention. */
    public static DynamoDbRegistrySettings defaults(String tableName) {
        return new DynamoDbRegistrySettings(tableName, DEFAULT_ACTIVE_SHARDS, 0, DEFAULT_RETENTION);
    }

    /** The shard that lists the connection while it is active: "0" to "activeShards - 1", the same in every JVM. */
    String shardOf(ConnectionId id) {
        // String.hashCode is specified by the Java API, so every Lambda instance agrees on it.
        return Integer.toString(Math.floorMod(id.value().hashCode(), activeShards));
    }

    /** Every shard, in order. */
    Stream<String> shards() {
        return IntStream.range(0, activeShards).mapToObj(Integer::toString);
    }
}
