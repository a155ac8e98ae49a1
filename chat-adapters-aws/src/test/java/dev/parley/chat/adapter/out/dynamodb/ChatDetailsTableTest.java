package dev.parley.chat.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisconnectReason;
import dev.parley.chat.domain.model.Disconnection;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.PostedText;
import dev.parley.chat.domain.model.RoomAccess;
import dev.parley.chat.domain.model.UserId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** The table's definition and the items the registry leaves in it, read back with the plain DynamoDB client. */
class ChatDetailsTableTest {

    private static final Instant CONNECTED_AT = Instant.parse("2026-11-25T10:15:30.123Z");
    private static final Connection ALICE =
            new Connection(new ConnectionId("L0SM9cOFvHcCIhw="), new DisplayName("Alice"), CONNECTED_AT);

    private static LocalDynamoDb dynamoDb;

    private String tableName;
    private DynamoDbConnectionRegistry registry;

    @BeforeAll
    static void startDynalite() {
        dynamoDb = LocalDynamoDb.start();
    }

    @AfterAll
    static void stopDynalite() {
        dynamoDb.close();
    }

    @BeforeEach
    void createTable() {
        tableName = dynamoDb.createChatDetailsTable();
        registry = dynamoDb.registry(DynamoDbRegistrySettings.defaults(tableName));
    }

    @Test
    void givenTableFromTheDefinition_describe_hasTheKeyTheSparseIndexesAndOnDemandBilling() {
        TableDescription table = dynamoDb.client().describeTable(request -> request.tableName(tableName)).table();

        assertThat(table.keySchema()).containsExactly(key("connectionId", KeyType.HASH));
        assertThat(table.attributeDefinitions()).containsExactlyInAnyOrder(
                stringAttribute("connectionId"), stringAttribute("ActiveShard"), stringAttribute("ActiveUser"));
        assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(table.globalSecondaryIndexes()).hasSize(2);
        assertThat(index(table, "ActiveConnections")).satisfies(index -> {
            assertThat(index.keySchema()).containsExactly(
                    key("ActiveShard", KeyType.HASH), key("connectionId", KeyType.RANGE));
            assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.INCLUDE);
            assertThat(index.projection().nonKeyAttributes())
                    .containsExactlyInAnyOrder("DisplayName", "ConnectionTime", "UserId", "RoomAccess", "Rooms");
        });
        assertThat(index(table, "ActiveUsers")).satisfies(index -> {
            assertThat(index.keySchema()).containsExactly(
                    key("ActiveUser", KeyType.HASH), key("connectionId", KeyType.RANGE));
            assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.INCLUDE);
            assertThat(index.projection().nonKeyAttributes())
                    .containsExactlyInAnyOrder("DisplayName", "ConnectionTime", "UserId", "RoomAccess");
        });
    }

    @Test
    void givenBadTableName_createTableRequest_isRefusedWithDynamoDbsRule() {
        assertThat(ChatDetailsTable.createTableRequest(ChatDetailsTable.DEFAULT_NAME).tableName()).isEqualTo("chatDetails");
        assertThatThrownBy(() -> ChatDetailsTable.createTableRequest("ab"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 to 255 characters");
        assertThatThrownBy(() -> ChatDetailsTable.createTableRequest("chat details"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'chat details'");
    }

    @Test
    void givenRegisteredConnection_item_hasTheTableAttributesWithIsoUtcTimes() {
        registry.register(ALICE);

        Map<String, AttributeValue> item = rawItem(ALICE.id());

        assertThat(item).containsOnlyKeys("connectionId", "ConnectionTime", "DisplayName", "ActiveShard", "ExpiresAt");
        assertThat(item.get("connectionId").s()).isEqualTo("L0SM9cOFvHcCIhw=");
        assertThat(item.get("ConnectionTime").s()).isEqualTo("2026-11-25T10:15:30.123Z");
        assertThat(item.get("DisplayName").s()).isEqualTo("Alice");
        assertThat(item.get("ActiveShard").s()).isIn("0", "1", "2", "3");
        // Two hours (API Gateway's longest connection) and thirty days of retention after connecting.
        assertThat(item.get("ExpiresAt").n()).isEqualTo(epochSeconds("2026-12-25T12:15:30Z"));
    }

    @Test
    void givenConnectionOfAnAuthorizedUser_item_hasItsUserId() {
        Connection bob = new Connection(new ConnectionId("Bq3xYcOFvHcCEJA="), new DisplayName("Bob"), CONNECTED_AT,
                Optional.of(new UserId("auth0|bob")));

        registry.register(bob);

        Map<String, AttributeValue> item = rawItem(bob.id());
        assertThat(item.get("UserId").s()).isEqualTo("auth0|bob");
        assertThat(item.get("ActiveUser").s()).as("listed by the ActiveUsers index").isEqualTo("auth0|bob");
    }

    @Test
    void givenConnectionAdmittedToSomeRooms_item_listsItsPatternsInOrderAndReadsThemBack() {
        Connection admitted = new Connection(new ConnectionId("Cc3xYcOFvHcCEJA="), new DisplayName("Carol"),
                CONNECTED_AT, Optional.empty(), RoomAccess.only(List.of("team-*", "general")));
        Connection noRooms = new Connection(new ConnectionId("Dd3xYcOFvHcCEJA="), new DisplayName("Dan"),
                CONNECTED_AT, Optional.empty(), RoomAccess.only(List.of()));

        registry.register(admitted);
        registry.register(noRooms);

        assertThat(rawItem(admitted.id()).get("RoomAccess").l()).extracting(AttributeValue::s)
                .containsExactly("team-*", "general");
        assertThat(rawItem(noRooms.id()).get("RoomAccess").l()).isEmpty();
        assertThat(registry.findActive(admitted.id())).contains(admitted);
        assertThat(registry.findActive(noRooms.id())).contains(noRooms);
    }

    @Test
    void givenActiveUser_markDisconnected_removesItFromTheActiveUsersIndexButKeepsTheUserId() {
        Connection bob = new Connection(new ConnectionId("Bq3xYcOFvHcCEJA="), new DisplayName("Bob"), CONNECTED_AT,
                Optional.of(new UserId("auth0|bob")));
        registry.register(bob);

        registry.markDisconnected(bob.id(), disconnection(60, DisconnectReason.gone()));

        Map<String, AttributeValue> item = rawItem(bob.id());
        assertThat(item).doesNotContainKeys("ActiveUser", "ActiveShard");
        assertThat(item.get("UserId").s()).isEqualTo("auth0|bob");
    }

    @Test
    void givenMessageAndBroadcast_item_hasTheTutorialsMessageAttributes() {
        registry.register(ALICE);

        registry.recordMessage(ALICE.id(), posted("hello", 10));
        registry.recordBroadcast(List.of(ALICE.id()), posted("maintenance at noon", 20));

        Map<String, AttributeValue> item = rawItem(ALICE.id());
        assertThat(item.get("Message").s()).isEqualTo("hello");
        assertThat(item.get("Latestmessagetime").s()).isEqualTo("2026-11-25T10:15:40.123Z");
        assertThat(item).doesNotContainKeys("SendTokens", "SendTokensAt");
        assertThat(item.get("BroadcastMessage").s()).isEqualTo("maintenance at noon");
        assertThat(item.get("LatestBroadcasttime").s()).isEqualTo("2026-11-25T10:15:50.123Z");
        assertThat(item).containsKey("ActiveShard");
    }

    @Test
    void givenActiveConnection_markDisconnected_removesTheActiveShardAndExpiresAfterRetention() {
        registry.register(ALICE);

        registry.markDisconnected(ALICE.id(), disconnection(60, new DisconnectReason("client said bye")));

        Map<String, AttributeValue> item = rawItem(ALICE.id());
        assertThat(item).doesNotContainKey("ActiveShard");
        assertThat(item.get("DisconnectTime").s()).isEqualTo("2026-11-25T10:16:30.123Z");
        assertThat(item.get("DisconnectReason").s()).isEqualTo("client said bye");
        assertThat(item.get("ExpiresAt").n()).isEqualTo(epochSeconds("2026-12-25T10:16:30Z"));
        assertThat(item.get("ConnectionTime").s()).isEqualTo("2026-11-25T10:15:30.123Z");
        assertThat(item.get("DisplayName").s()).isEqualTo("Alice");
    }

    @Test
    void givenDisconnectedConnection_markDisconnectedAgain_keepsTheFirstDisconnectTime() {
        registry.register(ALICE);
        registry.markDisconnected(ALICE.id(), disconnection(60, new DisconnectReason("first reason")));

        boolean endedAgain =
                registry.markDisconnected(ALICE.id(), disconnection(90, new DisconnectReason("second reason")));

        Map<String, AttributeValue> item = rawItem(ALICE.id());
        assertThat(endedAgain).isFalse();
        assertThat(item.get("DisconnectTime").s()).isEqualTo("2026-11-25T10:16:30.123Z");
        assertThat(item.get("DisconnectReason").s()).isEqualTo("first reason");
        assertThat(item.get("ExpiresAt").n()).isEqualTo(epochSeconds("2026-12-25T10:16:30Z"));
    }

    @Test
    void givenUnknownIds_everyWrite_createsNoItem() {
        ConnectionId stranger = new ConnectionId("stranger1=");
        ConnectionId another = new ConnectionId("stranger2=");

        boolean ended = registry.markDisconnected(stranger, disconnection(1, DisconnectReason.gone()));
        registry.recordMessage(stranger, posted("hello?", 2));
        registry.recordBroadcast(List.of(stranger, another), posted("anyone?", 3));

        assertThat(ended).isFalse();
        int items = dynamoDb.client().scan(request -> request.tableName(tableName).select(Select.COUNT)).count();
        assertThat(items).isZero();
    }

    static Stream<Arguments> itemsParleyDidNotWrite() {
        return Stream.of(
                Arguments.of(Map.of("ConnectionTime", "2020-01-01T00:00:00.000Z"), "has no DisplayName"),
                Arguments.of(Map.of("DisplayName", "Bob", "ConnectionTime", "yesterday"),
                        "has ConnectionTime 'yesterday', not an ISO-8601 UTC time"),
                Arguments.of(Map.of("DisplayName", "Bob", "ConnectionTime", "2020-01-01T00:00:00.000Z",
                        "DisconnectTime", "2020-01-01T00:05:00.000Z"), "has DisconnectTime without DisconnectReason"),
                Arguments.of(Map.of("DisplayName", "Bob", "ConnectionTime", "2020-01-01T00:00:00.000Z",
                        "Message", "hi"), "has Message without Latestmessagetime"),
                Arguments.of(Map.of("DisplayName", "Bob", "ConnectionTime", "2020-01-01T00:00:00.000Z",
                        "RoomAccess", List.of("team a")), "has RoomAccess [team a]"));
    }

    @ParameterizedTest
    @MethodSource("itemsParleyDidNotWrite")
    void givenItemParleyDidNotWrite_find_failsNamingTheConnectionAndTheProblem(
            Map<String, Object> attributes, String problem) {
        ConnectionId legacy = new ConnectionId("legacyConn=");
        Map<String, AttributeValue> item = new HashMap<>(Map.of("connectionId", AttributeValue.fromS(legacy.value())));
        attributes.forEach((name, value) -> item.put(name, value instanceof List<?> list
                ? AttributeValue.fromL(list.stream().map(element -> AttributeValue.fromS((String) element)).toList())
                : AttributeValue.fromS((String) value)));
        dynamoDb.client().putItem(request -> request.tableName(tableName).item(item));

        assertThatThrownBy(() -> registry.find(legacy))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("legacyConn=")
                .hasMessageContaining(problem);
    }

    private Map<String, AttributeValue> rawItem(ConnectionId id) {
        return dynamoDb.client().getItem(request -> request
                        .tableName(tableName)
                        .key(Map.of("connectionId", AttributeValue.fromS(id.value())))
                        .consistentRead(true))
                .item();
    }

    private static GlobalSecondaryIndexDescription index(TableDescription table, String name) {
        return table.globalSecondaryIndexes().stream()
                .filter(index -> index.indexName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no index " + name));
    }

    private static PostedText posted(String text, int secondsAfterConnect) {
        return new PostedText(new MessageText(text), CONNECTED_AT.plusSeconds(secondsAfterConnect));
    }

    private static Disconnection disconnection(int secondsAfterConnect, DisconnectReason reason) {
        return new Disconnection(CONNECTED_AT.plusSeconds(secondsAfterConnect), reason);
    }

    private static String epochSeconds(String isoUtc) {
        return Long.toString(Instant.parse(isoUtc).getEpochSecond());
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
