package dev.parley.chat.settings.dynamodb;

import dev.parley.chat.adapter.out.dynamodb.ChatDetailsTable;
import dev.parley.chat.adapter.out.dynamodb.ChatRoomsTable;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbRegistrySettings;
import dev.parley.chat.settings.Setting;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which tables the handlers use, {@code chatDetails} and {@code chatRooms}, and how: the deployment chooses all four
 * from the CDK context, chat-local the chat details table's name with {@code --table}. Defaults and ranges are the
 * registries' own.
 *
 * @param tableName               the chat details table
 * @param roomsTableName          the chat rooms table
 * @param activeShards            the partitions of the active-connections index
 * @param connectionRetentionDays how long a disconnected connection's row is kept before the table's TTL deletes it
 */
public record TableSettings(String tableName, String roomsTableName, int activeShards, int connectionRetentionDays) {

    public static final Setting<String> TABLE_NAME = new Setting<>(
            "TABLE_NAME",
            Optional.of("tableName"),
            Optional.of(new Setting.Flag("--table", "NAME")),
            "the chat details table",
            ChatDetailsTable.DEFAULT_NAME,
            "a DynamoDB table name: " + ChatDetailsTable.NAME_RULE,
            ChatDetailsTable::requireValidName,
            Function.identity());

    public static final Setting<String> ROOMS_TABLE_NAME = new Setting<>(
            "ROOMS_TABLE_NAME",
            Optional.of("roomsTableName"),
            Optional.empty(),
            "the chat rooms table",
            ChatRoomsTable.DEFAULT_NAME,
            "a DynamoDB table name: " + ChatDetailsTable.NAME_RULE,
            ChatRoomsTable::requireValidName,
            Function.identity());

    public static final Setting<Integer> ACTIVE_SHARDS = new Setting<>(
            "ACTIVE_SHARDS",
            Optional.of("activeShards"),
            Optional.empty(),
            "partitions of the active-connections index",
            DynamoDbRegistrySettings.DEFAULT_ACTIVE_SHARDS,
            "a whole number from 1 to " + DynamoDbRegistrySettings.MAX_ACTIVE_SHARDS,
            text -> DynamoDbRegistrySettings.requireValidActiveShards(Integer.parseInt(text)),
            String::valueOf);

    public static final Setting<Integer> CONNECTION_RETENTION_DAYS = new Setting<>(
            "CONNECTION_RETENTION_DAYS",
            Optional.of("connectionRetentionDays"),
            Optional.empty(),
            "how long a disconnected connection's row is kept (table TTL)",
            Math.toIntExact(DynamoDbRegistrySettings.DEFAULT_RETENTION.toDays()),
            "a positive whole number of days",
            text -> requireValidRetentionDays(Integer.parseInt(text)),
            String::valueOf);

    public TableSettings {
        ChatDetailsTable.requireValidName(tableName);
        ChatRoomsTable.requireValidName(roomsTableName);
        DynamoDbRegistrySettings.requireValidActiveShards(activeShards);
        requireValidRetentionDays(connectionRetentionDays);
    }

    public static TableSettings fromEnvironment(Map<String, String> environment) {
        return new TableSettings(TABLE_NAME.fromEnvironment(environment), ROOMS_TABLE_NAME.fromEnvironment(environment),
                ACTIVE_SHARDS.fromEnvironment(environment), CONNECTION_RETENTION_DAYS.fromEnvironment(environment));
    }

    /** From the CDK context; see {@link Setting#fromContext}. */
    public static TableSettings fromContext(Function<String, Object> context) {
        return new TableSettings(TABLE_NAME.fromContext(context), ROOMS_TABLE_NAME.fromContext(context),
                ACTIVE_SHARDS.fromContext(context), CONNECTION_RETENTION_DAYS.fromContext(context));
    }

    /** The variables {@link #fromEnvironment} reads back as these settings. */
    public Map<String, String> toEnvironment() {
        return Map.ofEntries(TABLE_NAME.toEnvironment(tableName), ROOMS_TABLE_NAME.toEnvironment(roomsTableName),
                ACTIVE_SHARDS.toEnvironment(activeShards), CONNECTION_RETENTION_DAYS.toEnvironment(connectionRetentionDays));
    }

    private static int requireValidRetentionDays(int days) {
        if (days < 1) {
            throw new IllegalArgumentException("connection retention must be at least 1 day, not " + days);
        }
        return days;
    }
}
