package dev.parley.chat.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.domain.model.ChatMessage;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.HistoryEntry;
import dev.parley.chat.domain.model.HistoryPosition;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.StoredMessage;
import dev.parley.chat.domain.port.out.AbstractMessageHistoryTest;
import dev.parley.chat.domain.port.out.MessageHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The history contract on a real dynalite (50 senders racing 100 messages each to one room), with DynamoDB's own 1 MB
 * pages; then reads across pages of a few items, what each call reads and how, and the items as stored.
 */
class DynamoDbMessageHistoryTest extends AbstractMessageHistoryTest {

    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00.125Z");
    private static final RoomName ROOM = new RoomName("design");

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
    protected MessageHistory createEmptyHistory() {
        return history(0);
    }

    private static DynamoDbMessageHistory history(int pageSize) {
        return new DynamoDbMessageHistory(dynamoDb.client(),
                new DynamoDbHistorySettings(dynamoDb.createChatHistoryTable(), pageSize));
    }

    @Test
    void givenPagesOfThreeItems_entriesAndLatest_readAcrossPagesInOrder() {
        DynamoDbMessageHistory history = history(3);
        List<StoredMessage> stored = store(history, 10);
        var epoch = stored.get(0).position().epoch();

        assertThat(history.entries(ROOM, new HistoryPosition(epoch, 1), 9)).containsExactlyElementsOf(stored.subList(1, 9));
        assertThat(history.latest(ROOM, epoch, 10, 7)).extracting(HistoryEntry::seq)
                .containsExactly(9L, 8L, 7L, 6L, 5L, 4L, 3L);
    }

    @Test
    void everyRead_isStronglyConsistentAndByKey_neverAScanNorAnIndex() {
        DynamoDbMessageHistory history = history(3);
        dynamoDb.operations().reset();

        List<StoredMessage> stored = store(history, 5);
        var epoch = stored.get(0).position().epoch();
        history.entries(ROOM, HistoryPosition.start(epoch), 5);
        history.latest(ROOM, epoch, 6, 5);
        history.reset(ROOM);
        history.head(ROOM);

        assertThat(dynamoDb.operations().count("Scan")).isZero();
        assertThat(dynamoDb.operations().count("TransactWriteItems")).isZero();
        assertThat(dynamoDb.operations().requests(QueryRequest.class)).isNotEmpty()
                .allSatisfy(query -> {
                    assertThat(query.consistentRead()).isTrue();
                    assertThat(query.indexName()).isNull();
                });
        assertThat(dynamoDb.operations().requests(GetItemRequest.class)).isNotEmpty()
                .allSatisfy(get -> assertThat(get.consistentRead()).isTrue());
    }

    @Test
    void storedItems_carryTheirTimeToLive_andTheHeadItsLatestSeqAndWhenItWasAllocated() {
        String table = dynamoDb.createChatHistoryTable();
        var history = new DynamoDbMessageHistory(dynamoDb.client(), new DynamoDbHistorySettings(table, 0));
        HistoryPosition position = history.allocate(ROOM, NOW);
        Instant expiresAt = NOW.plusSeconds(3_600);
        history.store(message(position), expiresAt);

        Map<String, AttributeValue> head = item(table, "h#design", 0);
        Map<String, AttributeValue> entry = item(table, "m#design#" + position.epoch().value(), 1);

        assertThat(head.get(ChatHistoryTable.LATEST).n()).isEqualTo("1");
        assertThat(head.get(ChatHistoryTable.EPOCH).s()).isEqualTo(position.epoch().value());
        assertThat(head.get(ChatHistoryTable.ALLOCATED_AT).s()).isEqualTo(NOW.toString());
        assertThat(head).doesNotContainKey(ChatHistoryTable.EXPIRES_AT);
        assertThat(entry.get(ChatHistoryTable.EXPIRES_AT).n()).isEqualTo(Long.toString(expiresAt.getEpochSecond()));
        assertThat(entry.get(ChatHistoryTable.MESSAGE).s()).isEqualTo("message 1");
    }

    private static Map<String, AttributeValue> item(String table, String stream, long seq) {
        return dynamoDb.client().getItem(request -> request
                        .tableName(table)
                        .key(Map.of(ChatHistoryTable.STREAM, AttributeValue.fromS(stream),
                                ChatHistoryTable.SEQ, AttributeValue.fromN(Long.toString(seq))))
                        .consistentRead(true))
                .item();
    }

    private static List<StoredMessage> store(MessageHistory history, int count) {
        var stored = new ArrayList<StoredMessage>();
        for (int i = 0; i < count; i++) {
            var message = message(history.allocate(ROOM, NOW));
            history.store(message, NOW.plusSeconds(3_600));
            stored.add(message);
        }
        return stored;
    }

    private static StoredMessage message(HistoryPosition position) {
        return new StoredMessage(position, new ChatMessage(MessageId.random(), new ConnectionId("QW5uLWNvbm4="),
                new DisplayName("Ann"), Optional.empty(), new MessageText("message " + position.seq()), NOW,
                Optional.of(ROOM), OptionalLong.of(position.seq())));
    }
}
