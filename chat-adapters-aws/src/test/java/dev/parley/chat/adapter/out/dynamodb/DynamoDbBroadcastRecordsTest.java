package dev.parley.chat.adapter.out.dynamodb;

import dev.parley.chat.domain.port.out.AbstractBroadcastRecordsTest;
import dev.parley.chat.domain.port.out.BroadcastRecords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The broadcast records contract on a real dynalite. */
class DynamoDbBroadcastRecordsTest extends AbstractBroadcastRecordsTest {

    private static LocalDynamoDb dynamoDb;

    @BeforeAll
    static void startDynalite() {
        dynamoDb = LocalDynamoDb.start();
    }

    @AfterAll
    static void stopDynalite() {
        dynamoDb.close();
    }

    @Override
    protected BroadcastRecords createEmptyRecords() {
        return new DynamoDbBroadcastRecords(dynamoDb.client(), dynamoDb.createChatHistoryTable());
    }
}
