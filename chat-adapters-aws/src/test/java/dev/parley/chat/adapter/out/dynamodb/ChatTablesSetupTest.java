package dev.parley.chat.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** The chat tables on a local DynamoDB: both created as the deployment defines them, and what is in them kept on the next start. */
class ChatTablesSetupTest {

    private static LocalDynamoDb dynamoDb;

    @BeforeAll
    static void startDynalite() {
        dynamoDb = LocalDynamoDb.start();
    }

    @AfterAll
    static void stopDynalite() {
        dynamoDb.close();
    }

    @Test
    void givenNoTables_ensure_createsTheChatDetailsRoomsAndHistoryTablesActive() {
        ChatTablesSetup.ensure(dynamoDb.endpoint(), "us-east-1", ChatTablesSetup.LOCAL_CREDENTIALS, "details-new", "rooms-new",
                "history-new");

        assertThat(dynamoDb.client().describeTable(request -> request.tableName("details-new")).table())
                .satisfies(table -> {
                    assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
                    assertThat(table.keySchema()).isEqualTo(ChatDetailsTable.createTableRequest("details-new").keySchema());
                });
        assertThat(dynamoDb.client().describeTable(request -> request.tableName("rooms-new")).table())
                .satisfies(table -> {
                    assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
                    assertThat(table.keySchema()).isEqualTo(ChatRoomsTable.createTableRequest("rooms-new").keySchema());
                });
        assertThat(dynamoDb.client().describeTable(request -> request.tableName("history-new")).table())
                .satisfies(table -> {
                    assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
                    assertThat(table.keySchema())
                            .isEqualTo(ChatHistoryTable.createTableRequest("history-new").keySchema());
                });
    }

    @Test
    void givenTablesThere_ensureAgain_keepsThemAndTheirItems() {
        ChatTablesSetup.ensure(dynamoDb.endpoint(), "us-east-1", ChatTablesSetup.LOCAL_CREDENTIALS, "details-kept", "rooms-kept",
                "history-kept");
        Map<String, AttributeValue> count = Map.of("Room", AttributeValue.fromS("lobby"),
                "Key", AttributeValue.fromS("#count"), "Presences", AttributeValue.fromN("2"));
        dynamoDb.client().putItem(request -> request.tableName("rooms-kept").item(count));

        ChatTablesSetup.ensure(dynamoDb.endpoint(), "us-east-1", ChatTablesSetup.LOCAL_CREDENTIALS, "details-kept", "rooms-kept",
                "history-kept");

        assertThat(dynamoDb.client().getItem(request -> request.tableName("rooms-kept")
                .key(Map.of("Room", count.get("Room"), "Key", count.get("Key")))).item()).isEqualTo(count);
    }
}
