package dev.parley.chat.adapter.out.dynamodb;

/**
 * How the DynamoDB history and receipts use their table.
 *
 * @param tableName     the {@link ChatHistoryTable} to use
 * @param queryPageSize items per Query page; 0 lets DynamoDB fill its own 1 MB pages
 */
public record DynamoDbHistorySettings(String tableName, int queryPageSize) {

    public DynamoDbHistorySettings {
        ChatHistoryTable.requireValidName(tableName);
        if (queryPageSize < 0) {
            throw new IllegalArgumentException(
                    "query page size must be 0 (DynamoDB's 1 MB pages) or positive, not " + queryPageSize);
        }
    }
}
