package dev.parley.deploy;

import dev.parley.chat.adapter.out.dynamodb.ChatDetailsTable;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Table;
import software.constructs.Construct;

/**
 * The {@code chatDetails} table, translated from {@link ChatDetailsTable#createTableRequest} by {@link DeployedTables},
 * with time to live on {@code ExpiresAt}.
 */
final class DeployedChatDetailsTable extends Construct {

    private final Table table;

    DeployedChatDetailsTable(Construct scope, String id, String tableName, RemovalPolicy removalPolicy) {
        super(scope, id);
        this.table = DeployedTables.translate(this, ChatDetailsTable.createTableRequest(tableName),
                ChatDetailsTable.EXPIRES_AT, removalPolicy);
    }

    Table table() {
        return table;
    }

    /** The ARN of the active-connections index: every active connection, and the lobby's members. */
    String activeConnectionsIndexArn() {
        return table.getTableArn() + "/index/" + ChatDetailsTable.ACTIVE_CONNECTIONS_INDEX;
    }

    /** The ARN of the active-users index: a user's active connections. */
    String activeUsersIndexArn() {
        return table.getTableArn() + "/index/" + ChatDetailsTable.ACTIVE_USERS_INDEX;
    }
}
