package dev.parley.chat.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.domain.fakes.AdjustableClock;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.Member;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** The rooms table's definition and the items the room registry leaves in both tables, read back with the plain client. */
class ChatRoomsTableTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30.123Z");
    private static final RoomName ROOM = new RoomName("general");
    private static final Connection ADA = new Connection(new ConnectionId("L0SM9cOFvHcCIhw="), new DisplayName("Ada"),
            NOW, Optional.of(new UserId("auth0|ada")));

    private static LocalDynamoDb dynamoDb;

    private RoomTables tables;
    private DynamoDbConnectionRegistry connections;
    private DynamoDbRoomRegistry rooms;

    @BeforeAll
    static void startDynalite() {
        dynamoDb = LocalDynamoDb.start();
    }

    @AfterAll
    static void stopDynalite() {
        dynamoDb.close();
    }

    @BeforeEach
    void createTables() {
        DynamoDbRegistrySettings chatDetails = DynamoDbRegistrySettings.defaults(dynamoDb.createChatDetailsTable());
        tables = new RoomTables(dynamoDb.client(),
                DynamoDbRoomRegistrySettings.of(chatDetails, dynamoDb.createChatRoomsTable()));
        connections = dynamoDb.registry(chatDetails);
        rooms = dynamoDb.roomRegistry(tables.settings(), new AdjustableClock(NOW));
        connections.register(ADA);
    }

    @Test
    void givenTableFromTheDefinition_describe_hasTheRoomAndKeyAndNoIndexBilledPerRequest() {
        TableDescription table = dynamoDb.client().describeTable(request -> request.tableName(tables.rooms())).table();

        assertThat(table.keySchema()).containsExactly(key("Room", KeyType.HASH), key("Key", KeyType.RANGE));
        assertThat(table.attributeDefinitions()).containsExactlyInAnyOrder(stringAttribute("Room"), stringAttribute("Key"));
        assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(table.globalSecondaryIndexes()).isEmpty();
    }

    @Test
    void givenBadTableName_createTableRequestAndSettings_areRefusedWithDynamoDbsRule() {
        DynamoDbRegistrySettings chatDetails = DynamoDbRegistrySettings.defaults(ChatDetailsTable.DEFAULT_NAME);

        assertThat(ChatRoomsTable.createTableRequest(ChatRoomsTable.DEFAULT_NAME).tableName()).isEqualTo("chatRooms");
        assertThatThrownBy(() -> ChatRoomsTable.createTableRequest("ab"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 to 255 characters");
        assertThatThrownBy(() -> DynamoDbRoomRegistrySettings.of(chatDetails, "chat rooms"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'chat rooms'");
        assertThatThrownBy(() -> new DynamoDbRoomRegistrySettings(chatDetails, "chatRooms", -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not -1");
    }

    @Test
    void givenJoin_items_areTheRoomOnTheRowAndAMembershipAPresenceAndTheCountExpiringThreeHoursOn() {
        rooms.join(ROOM, Member.of(ADA), RoomLimit.DEFAULT);

        assertThat(tables.connectionRow(ADA.id()).get("Rooms").ss()).containsExactly("general");
        Map<String, Map<String, AttributeValue>> items = tables.itemsByKey(ROOM);
        assertThat(items).containsOnlyKeys("c#L0SM9cOFvHcCIhw=", "p#user:auth0|ada", "#count");
        assertThat(items.get("c#L0SM9cOFvHcCIhw=")).containsOnlyKeys(
                "Room", "Key", "DisplayName", "UserId", "JoinedAt", "ExpiresAt").satisfies(membership -> {
                    assertThat(membership.get("Room").s()).isEqualTo("general");
                    assertThat(membership.get("DisplayName").s()).isEqualTo("Ada");
                    assertThat(membership.get("UserId").s()).isEqualTo("auth0|ada");
                    assertThat(membership.get("JoinedAt").s()).isEqualTo("2026-11-25T10:15:30.123Z");
                    assertThat(membership.get("ExpiresAt").n()).isEqualTo(epochSeconds("2026-11-25T13:15:30Z"));
                });
        assertThat(items.get("p#user:auth0|ada")).containsOnlyKeys(
                "Room", "Key", "Connections", "ConnectionId", "DisplayName", "UserId", "ExpiresAt").satisfies(presence -> {
                    assertThat(presence.get("Connections").ss()).containsExactly("L0SM9cOFvHcCIhw=");
                    assertThat(presence.get("ConnectionId").s()).isEqualTo("L0SM9cOFvHcCIhw=");
                    assertThat(presence.get("DisplayName").s()).isEqualTo("Ada");
                    assertThat(presence.get("UserId").s()).isEqualTo("auth0|ada");
                    assertThat(presence.get("ExpiresAt").n()).isEqualTo(epochSeconds("2026-11-25T13:15:30Z"));
                });
        assertThat(items.get("#count")).containsOnlyKeys("Room", "Key", "Presences");
        assertThat(items.get("#count").get("Presences").n()).isEqualTo("1");
    }

    @Test
    void givenAnonymousConnectionJoiningTheLobby_items_areAPresenceOfTheConnectionAndNoMembership() {
        Connection anonymous = new Connection(new ConnectionId("Bq3xYcOFvHcCEJA="), new DisplayName("guest-Bq3x"), NOW);
        connections.register(anonymous);

        rooms.join(RoomName.LOBBY, Member.of(anonymous), RoomLimit.DEFAULT);

        assertThat(tables.connectionRow(anonymous.id()).get("Rooms").ss()).containsExactly("lobby");
        Map<String, Map<String, AttributeValue>> items = tables.itemsByKey(RoomName.LOBBY);
        assertThat(items).as("the lobby's members are read from the ActiveConnections index")
                .containsOnlyKeys("p#connection:Bq3xYcOFvHcCEJA=", "#count");
        assertThat(items.get("p#connection:Bq3xYcOFvHcCEJA=")).doesNotContainKey("UserId");
    }

    @Test
    void givenMemberOfTwoRooms_leaveOne_removesItsItemsAndKeepsTheOther() {
        RoomName other = new RoomName("other");
        rooms.join(ROOM, Member.of(ADA), RoomLimit.DEFAULT);
        rooms.join(other, Member.of(ADA), RoomLimit.DEFAULT);

        rooms.leave(ROOM, Member.of(ADA));

        assertThat(tables.connectionRow(ADA.id()).get("Rooms").ss()).containsExactly("other");
        assertThat(tables.itemsByKey(ROOM)).containsOnlyKeys("#count");
        assertThat(tables.itemsByKey(ROOM).get("#count").get("Presences").n()).isEqualTo("0");
        assertThat(tables.itemsByKey(other)).containsOnlyKeys("c#L0SM9cOFvHcCIhw=", "p#user:auth0|ada", "#count");
    }

    @Test
    void givenLastRoomLeft_row_hasNoRoomsAttribute() {
        rooms.join(ROOM, Member.of(ADA), RoomLimit.DEFAULT);

        rooms.leave(ROOM, Member.of(ADA));

        assertThat(tables.connectionRow(ADA.id())).doesNotContainKey("Rooms").containsKey("DisplayName");
    }

    @Test
    void givenSecondTabJoiningLater_presence_listsBothConnectionsAndShowsTheLatestAndExpiresAfterIt() {
        Connection secondTab = new Connection(new ConnectionId("Zz3xYcOFvHcCEJA="), new DisplayName("Ada (phone)"),
                NOW, ADA.userId());
        connections.register(secondTab);
        AdjustableClock clock = new AdjustableClock(NOW);
        DynamoDbRoomRegistry registry = dynamoDb.roomRegistry(tables.settings(), clock);
        registry.join(ROOM, Member.of(ADA), RoomLimit.DEFAULT);
        clock.advance(Duration.ofMinutes(30));

        registry.join(ROOM, Member.of(secondTab), RoomLimit.DEFAULT);

        Map<String, AttributeValue> presence = tables.itemsByKey(ROOM).get("p#user:auth0|ada");
        assertThat(presence.get("Connections").ss()).containsExactlyInAnyOrder("L0SM9cOFvHcCIhw=", "Zz3xYcOFvHcCEJA=");
        assertThat(presence.get("ConnectionId").s()).isEqualTo("Zz3xYcOFvHcCEJA=");
        assertThat(presence.get("DisplayName").s()).isEqualTo("Ada (phone)");
        assertThat(presence.get("ExpiresAt").n()).isEqualTo(epochSeconds("2026-11-25T13:45:30Z"));
        assertThat(tables.itemsByKey(ROOM).get("#count").get("Presences").n()).isEqualTo("1");
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
