package dev.parley.chat.adapter.out.dynamodb;

import java.util.Objects;

/**
 * How the DynamoDB room registry uses its tables.
 *
 * @param connections   the {@link ChatDetailsTable} and its shards, as the connection registry uses them: the rooms
 *                      of a connection are on its row, and the lobby's members are read from its active-connections
 *                      index
 * @param tableName     the {@link ChatRoomsTable} to use
 * @param queryPageSize items per Query page, of either table; 0 lets DynamoDB fill its own 1 MB pages
 */
public record DynamoDbRoomRegistrySettings(DynamoDbRegistrySettings connections, String tableName, int queryPageSize) {

    public DynamoDbRoomRegistrySettings {
        Objects.requireNonNull(connections, "connections");
        ChatRoomsTable.requireValidName(tableName);
        if (queryPageSize < 0) {
            throw new IllegalArgumentException(
                    "query page size must be 0 (DynamoDB's 1 MB pages) or positive, not " + queryPageSize);
        }
    }

    /** The rooms in {@code tableName}, with the connections' own page size. */
    public static DynamoDbRoomRegistrySettings of(DynamoDbRegistrySettings connections, String tableName) {
        return new DynamoDbRoomRegistrySettings(connections, tableName, connections.queryPageSize());
    }
}
