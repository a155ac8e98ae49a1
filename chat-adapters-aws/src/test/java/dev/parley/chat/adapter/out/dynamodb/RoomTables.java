package dev.parley.chat.adapter.out.dynamodb;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.RoomName;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The room registry's two tables as the plain client sees them: for checking what it wrote, and writing by hand. */
record RoomTables(DynamoDbClient client, DynamoDbRoomRegistrySettings settings) {

    String rooms() {
        return settings.tableName();
    }

    String chatDetails() {
        return settings.connections().tableName();
    }

    /** The connection's chat details row; empty when there is none. */
    Map<String, AttributeValue> connectionRow(ConnectionId connection) {
        return client.getItem(request -> request
                        .tableName(chatDetails())
                        .key(Map.of(ChatDetailsTable.CONNECTION_ID, AttributeValue.fromS(connection.value())))
                        .consistentRead(true))
                .item();
    }

    /** Every item of the room, by its sort key, read with Queries (never a Scan) and in key order. */
    Map<String, Map<String, AttributeValue>> itemsByKey(RoomName room) {
        Map<String, Map<String, AttributeValue>> items = new TreeMap<>();
        client.queryPaginator(request -> request
                        .tableName(rooms())
                        .keyConditionExpression("#room = :room")
                        .expressionAttributeNames(Map.of("#room", ChatRoomsTable.ROOM))
                        .expressionAttributeValues(Map.of(":room", AttributeValue.fromS(room.value())))
                        .consistentRead(true))
                .items()
                .forEach(item -> items.put(item.get(ChatRoomsTable.KEY).s(), item));
        return items;
    }

    /** Puts {@code item} into the rooms table under the room and key, as a writer that died afterwards would have. */
    void putRoomItem(RoomName room, String key, Map<String, AttributeValue> attributes) {
        Map<String, AttributeValue> item = new TreeMap<>(attributes);
        item.put(ChatRoomsTable.ROOM, AttributeValue.fromS(room.value()));
        item.put(ChatRoomsTable.KEY, AttributeValue.fromS(key));
        client.putItem(request -> request.tableName(rooms()).item(item));
    }

    /** Adds the room to the connection's row, the first write of a join. */
    void addRoomToRow(ConnectionId connection, RoomName room) {
        client.updateItem(request -> request
                .tableName(chatDetails())
                .key(Map.of(ChatDetailsTable.CONNECTION_ID, AttributeValue.fromS(connection.value())))
                .updateExpression("ADD #rooms :room")
                .expressionAttributeNames(Map.of("#rooms", ChatDetailsTable.ROOMS))
                .expressionAttributeValues(Map.of(":room", AttributeValue.fromSs(List.of(room.value())))));
    }
}
