package dev.parley.deploy;

import dev.parley.chat.adapter.out.dynamodb.ChatRoomsTable;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Table;
import software.constructs.Construct;

/**
 * The {@code chatRooms} table, translated from {@link ChatRoomsTable#createTableRequest} by {@link DeployedTables},
 * with time to live on {@code ExpiresAt}: memberships and presences that a lost {@code $disconnect} left behind go.
 */
final class DeployedChatRoomsTable extends Construct {

    private final Table table;

    DeployedChatRoomsTable(Construct scope, String id, String tableName, RemovalPolicy removalPolicy) {
        super(scope, id);
        this.table = DeployedTables.translate(this, ChatRoomsTable.createTableRequest(tableName),
                ChatRoomsTable.EXPIRES_AT, removalPolicy);
    }

    Table table() {
        return table;
    }
}
