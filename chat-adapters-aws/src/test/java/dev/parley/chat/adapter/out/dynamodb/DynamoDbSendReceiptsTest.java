package dev.parley.chat.adapter.out.dynamodb;

import dev.parley.chat.domain.port.out.AbstractSendReceiptsTest;
import dev.parley.chat.domain.port.out.SendReceipts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The send receipts contract on a real dynalite. */
class DynamoDbSendReceiptsTest extends AbstractSendReceiptsTest {

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
    protected SendReceipts createEmptyReceipts() {
        return new DynamoDbSendReceipts(dynamoDb.client(),
                new DynamoDbHistorySettings(dynamoDb.createChatHistoryTable(), 0));
    }
}
