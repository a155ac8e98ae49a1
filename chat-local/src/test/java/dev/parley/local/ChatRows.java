package dev.parley.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.adapter.out.dynamodb.ChatDetailsTable;
import dev.parley.chat.adapter.out.dynamodb.ChatHistoryTable;
import dev.parley.chat.adapter.out.dynamodb.ChatRoomsTable;
import dev.parley.local.gateway.TestClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The rows of one chat details table, and the items of the chat rooms table chat-local keeps beside it, read with a
 * plain DynamoDB client (not the adapters under test).
 */
final class ChatRows {

    /** Attributes one write sets together: a row never has some of a group without the others. */
    private static final List<List<String>> WRITTEN_TOGETHER = List.of(
            List.of("Message", "Latestmessagetime"),
            List.of("BroadcastMessage", "LatestBroadcasttime"),
            List.of("DisconnectTime", "DisconnectReason"));

    private final DynamoDbClient dynamoDb;
    private final String table;

    ChatRows(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** Every connection's row: the limit items beside them (ADR 0009) are left out. */
    List<Map<String, AttributeValue>> all() {
        return scan(table).stream()
                .filter(item -> !item.get("connectionId").s().startsWith(ChatDetailsTable.LIMIT_KEY_PREFIX))
                .toList();
    }

    /** Every item of the chat rooms table: memberships, presences and counts of every room. */
    List<Map<String, AttributeValue>> roomItems() {
        return scan(ChatRoomsTable.DEFAULT_NAME);
    }

    /** Every item of the chat history table: rooms' heads and messages, and send receipts. */
    List<Map<String, AttributeValue>> historyItems() {
        return scan(ChatHistoryTable.DEFAULT_NAME);
    }

    private List<Map<String, AttributeValue>> scan(String tableName) {
        return dynamoDb.scanPaginator(request -> request.tableName(tableName).consistentRead(true)).items().stream()
                .toList();
    }

    Map<String, String> idsByName() {
        return all().stream().collect(Collectors.toMap(
                item -> item.get("DisplayName").s(), item -> item.get("connectionId").s()));
    }

    Map<String, AttributeValue> row(String connectionId) {
        return dynamoDb.getItem(request -> request.tableName(table).consistentRead(true)
                .key(Map.of("connectionId", AttributeValue.fromS(connectionId)))).item();
    }

    /**
     * Moves the connection's {@code ConnectionTime} two minutes back: a send's 410 only proves a connection gone once
     * it is past its opening time (Connection.OPENING_TIME, 30 s), and a test's vanished client connected just now.
     */
    void backdate(String connectionId) {
        dynamoDb.updateItem(request -> request.tableName(table)
                .key(Map.of("connectionId", AttributeValue.fromS(connectionId)))
                .conditionExpression("attribute_exists(connectionId)")
                .updateExpression("SET ConnectionTime = :connectedAt")
                .expressionAttributeValues(Map.of(":connectedAt",
                        AttributeValue.fromS(Instant.now().minus(Duration.ofMinutes(2)).toString()))));
    }

    /** Waits until the row has {@code attribute}: $disconnect and the broadcast's audit trail write after the answer. */
    Map<String, AttributeValue> awaitAttribute(String connectionId, String attribute) throws InterruptedException {
        Instant deadline = Instant.now().plus(TestClient.WAIT);
        while (!row(connectionId).containsKey(attribute) && Instant.now().isBefore(deadline)) {
            Thread.sleep(Duration.ofMillis(50).toMillis());
        }
        Map<String, AttributeValue> row = row(connectionId);
        assertThat(row).as("row " + connectionId).containsKey(attribute);
        return row;
    }

    /**
     * Waits until the connection's {@code $disconnect} is done: its row is marked ended and its rooms are left, the
     * last write of the leaves (ADR 0008), so nothing of it writes to the tables any more.
     */
    Map<String, AttributeValue> awaitEnded(String connectionId) throws InterruptedException {
        Instant deadline = Instant.now().plus(TestClient.WAIT);
        while (!ended(row(connectionId)) && Instant.now().isBefore(deadline)) {
            Thread.sleep(Duration.ofMillis(50).toMillis());
        }
        Map<String, AttributeValue> row = row(connectionId);
        assertThat(row).as("row " + connectionId).containsKey("DisconnectTime").doesNotContainKey("Rooms");
        return row;
    }

    private static boolean ended(Map<String, AttributeValue> row) {
        return row.containsKey("DisconnectTime") && !row.containsKey("Rooms");
    }

    /** Every row is whole: what $connect writes, each group of attributes written together, active or ended. */
    void assertEveryRowWhole() {
        assertThat(all()).isNotEmpty().allSatisfy(row -> {
            assertThat(row).as("a row as $connect writes it")
                    .containsKeys("connectionId", "ConnectionTime", "DisplayName", "ExpiresAt");
            for (List<String> group : WRITTEN_TOGETHER) {
                long present = group.stream().filter(row::containsKey).count();
                assertThat(present).as(group + " in " + row).isIn(0L, (long) group.size());
            }
            assertThat(row.containsKey("ActiveShard")).as("active or ended, never both nor neither: " + row)
                    .isNotEqualTo(row.containsKey("DisconnectTime"));
        });
    }
}
