package dev.parley.deploy;

import dev.parley.chat.adapter.out.dynamodb.ChatHistoryTable;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Table;
import software.constructs.Construct;

/**
 * The {@code chatHistory} table, translated from {@link ChatHistoryTable#createTableRequest} by {@link DeployedTables},
 * with time to live on {@code ExpiresAt}: messages go after the history's retention, send receipts after a day.
 */
final class DeployedChatHistoryTable extends Construct {

    private final Table table;

    DeployedChatHistoryTable(Construct scope, String id, String tableName, RemovalPolicy removalPolicy) {
        super(scope, id);
        this.table = DeployedTables.translate(this, ChatHistoryTable.createTableRequest(tableName),
                ChatHistoryTable.EXPIRES_AT, removalPolicy);
    }

    Table table() {
        return table;
    }
}
