package dev.parley.chat.adapter.out.dynamodb;

import static dev.parley.chat.adapter.out.dynamodb.ChatDetailsItem.isoUtc;

import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.Member;
import dev.parley.chat.domain.model.MemberPage;
import dev.parley.chat.domain.model.PresenceChange;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.port.out.RoomRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Rooms and presences in DynamoDB without transactions (ADR 0008): a connection's rooms are the {@code Rooms} set on
 * its {@link ChatDetailsTable} row, a room's memberships, presences and presence count are items of its partition in
 * the {@link ChatRoomsTable}. Every change is one conditional or atomic item write, made in an order that leaves
 * whatever a crash interrupts for the next leave (or cleanup) to complete:
 * <ul>
 *   <li>join: the room on the connection's row, then the membership ({@code c#}), then the presence's connection set
 *       ({@code p#}), then the count when the presence began;</li>
 *   <li>leave: the presence's connection set, then the count when the presence ended, then the membership, then the
 *       room on the connection's row, which stays until everything before it is undone.</li>
 * </ul>
 * Adding or deleting one element of a set is idempotent, and whether the set was empty before (join) or is empty after
 * (leave) decides whether the presence began or ended, so a repeated or racing join or leave never counts twice.
 *
 * <p>The lobby's members are not stored here: they are the active connections whose {@code Rooms} hold it, read from
 * the sharded {@code ActiveConnections} index, so a big lobby is not one hot partition.
 *
 * <p>Memberships and presences expire {@link #MEMBERSHIP_LIFETIME} after their latest join: DynamoDB's time to live
 * removes what a lost {@code $disconnect} left behind, and reads ignore expired items before it does (dynalite never
 * does).
 */
public final class DynamoDbRoomRegistry implements RoomRegistry {

    /** The longest a connection lives (API Gateway's two hours) and an hour more: ADR 0008. */
    static final Duration MEMBERSHIP_LIFETIME = Connection.MAX_DURATION.plusHours(1);

    private static final String CURSOR_SEPARATOR = "\n";

    private final DynamoDbClient dynamoDb;
    private final DynamoDbRoomRegistrySettings settings;
    private final Clock clock;

    public DynamoDbRoomRegistry(DynamoDbClient dynamoDb, DynamoDbRoomRegistrySettings settings, Clock clock) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "DynamoDB client");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public JoinOutcome join(RoomName room, Member member, RoomLimit limit) {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(limit, "limit");
        RoomAdded added = addRoom(room, member.connectionId(), limit);
        if (added == RoomAdded.NOT_CONNECTED) {
            return new NotConnected();
        }
        if (added == RoomAdded.AT_LIMIT) {
            return new AtLimit(limit);
        }
        // A repeated join writes the rest again: each write is idempotent, and completes a join that crashed halfway.
        Instant now = clock.instant();
        if (!room.equals(RoomName.LOBBY)) {
            addMembership(room, member, now);
        }
        boolean began = addToPresence(room, member, now);
        int count = began ? changeCount(room, 1) : count(room);
        return added == RoomAdded.ALREADY_IN && !began
                ? new AlreadyMember(count)
                : new Joined(new PresenceChange(began, count));
    }

    @Override
    public Optional<PresenceChange> leave(RoomName room, Member member) {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(member, "member");
        PresenceLeft presence = removeFromPresence(room, member);
        boolean ended = presence == PresenceLeft.ENDED;
        Optional<Integer> countAfterEnd = ended ? Optional.of(changeCount(room, -1)) : Optional.empty();
        boolean hadMembership = !room.equals(RoomName.LOBBY) && removeMembership(room, member.connectionId());
        boolean wasInRoom = removeRoom(room, member.connectionId());
        if (presence == PresenceLeft.NOT_PRESENT && !hadMembership && !wasInRoom) {
            return Optional.empty();
        }
        return Optional.of(new PresenceChange(ended, countAfterEnd.orElseGet(() -> count(room))));
    }

    @Override
    public Set<RoomName> roomsOf(ConnectionId connection) {
        Objects.requireNonNull(connection, "connection");
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request
                        .tableName(settings.connections().tableName())
                        .key(connectionKey(connection))
                        .projectionExpression("#rooms")
                        .expressionAttributeNames(Map.of("#rooms", ChatDetailsTable.ROOMS))
                        .consistentRead(true))
                .item();
        AttributeValue rooms = item == null ? null : item.get(ChatDetailsTable.ROOMS);
        return rooms == null ? Set.of() : rooms.ss().stream().map(RoomName::new).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Stream<ConnectionId> members(RoomName room) {
        Objects.requireNonNull(room, "room");
        if (room.equals(RoomName.LOBBY)) {
            return ShardByShard.stream(settings.connections().shards(), this::lobbyMembersOfShard)
                    .map(item -> new ConnectionId(item.get(ChatDetailsTable.CONNECTION_ID).s()));
        }
        return StreamSupport.stream(query(membershipsOf(room)).spliterator(), false)
                .map(item -> new ConnectionId(
                        item.get(ChatRoomsTable.KEY).s().substring(ChatRoomsTable.MEMBERSHIP_PREFIX.length())));
    }

    @Override
    public MemberPage presences(RoomName room, Optional<String> cursor, int limit) {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(cursor, "cursor");
        if (limit < 1 || limit > MemberPage.MAX_MEMBERS) {
            throw new IllegalArgumentException("a page holds 1 to " + MemberPage.MAX_MEMBERS + " members, not " + limit);
        }
        Map<String, AttributeValue> start = cursor.map(text -> startAfter(room, text)).orElse(null);
        List<Member> members = new ArrayList<>();
        String lastKey = null;
        Optional<String> next = Optional.empty();
        do {
            // One more than the page holds: a further presence is what tells that another page follows.
            QueryResponse page = dynamoDb.query(presencesOf(room, start, limit + 1 - members.size()));
            for (Map<String, AttributeValue> item : page.items()) {
                if (members.size() == limit) {
                    next = Optional.of(cursorAfter(room, lastKey));
                    break;
                }
                members.add(member(item));
                lastKey = item.get(ChatRoomsTable.KEY).s();
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && next.isEmpty());
        return new MemberPage(members, count(room), next);
    }

    private enum RoomAdded { ADDED, ALREADY_IN, AT_LIMIT, NOT_CONNECTED }

    /**
     * Adds {@code room} to the connection's rooms if the connection is active and {@link RoomLimit#admits} it: the
     * condition persists the domain's rule, checked by DynamoDB against the set as it is at the write, so two racing
     * joins cannot both take the last place.
     */
    private RoomAdded addRoom(RoomName room, ConnectionId connection, RoomLimit limit) {
        try {
            Map<String, AttributeValue> old = dynamoDb.updateItem(request -> request
                            .tableName(settings.connections().tableName())
                            .key(connectionKey(connection))
                            .updateExpression("ADD #rooms :rooms")
                            .conditionExpression("attribute_exists(#connectionId)"
                                    + " AND attribute_not_exists(#disconnectTime)"
                                    + " AND (contains(#rooms, :room) OR attribute_not_exists(#rooms)"
                                    + " OR size(#rooms) < :maxRooms)")
                            .expressionAttributeNames(Map.of(
                                    "#rooms", ChatDetailsTable.ROOMS,
                                    "#connectionId", ChatDetailsTable.CONNECTION_ID,
                                    "#disconnectTime", ChatDetailsTable.DISCONNECT_TIME))
                            .expressionAttributeValues(Map.of(
                                    ":rooms", AttributeValue.fromSs(List.of(room.value())),
                                    ":room", string(room.value()),
                                    ":maxRooms", number(limit.maxRoomsPerConnection())))
                            .returnValues(ReturnValue.UPDATED_OLD))
                    .attributes();
            AttributeValue rooms = old == null ? null : old.get(ChatDetailsTable.ROOMS);
            return rooms != null && rooms.ss().contains(room.value()) ? RoomAdded.ALREADY_IN : RoomAdded.ADDED;
        } catch (ConditionalCheckFailedException refused) {
            // Which part of the condition failed, DynamoDB does not say (dynalite cannot return the item with it).
            return isActive(connection) ? RoomAdded.AT_LIMIT : RoomAdded.NOT_CONNECTED;
        }
    }

    private boolean isActive(ConnectionId connection) {
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request
                        .tableName(settings.connections().tableName())
                        .key(connectionKey(connection))
                        .projectionExpression("#connectionId, #disconnectTime")
                        .expressionAttributeNames(Map.of(
                                "#connectionId", ChatDetailsTable.CONNECTION_ID,
                                "#disconnectTime", ChatDetailsTable.DISCONNECT_TIME))
                        .consistentRead(true))
                .item();
        return item != null && !item.isEmpty() && !item.containsKey(ChatDetailsTable.DISCONNECT_TIME);
    }

    /** The membership, unless there is one already: a repeated join keeps when the connection first joined. */
    private void addMembership(RoomName room, Member member, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(roomKey(room, membershipKey(member.connectionId())));
        item.put(ChatRoomsTable.DISPLAY_NAME, string(member.name().value()));
        member.userId().ifPresent(user -> item.put(ChatRoomsTable.USER_ID, string(user.value())));
        item.put(ChatRoomsTable.JOINED_AT, string(isoUtc(now)));
        item.put(ChatRoomsTable.EXPIRES_AT, number(expiry(now)));
        try {
            dynamoDb.putItem(request -> request
                    .tableName(settings.tableName())
                    .item(item)
                    .conditionExpression("attribute_not_exists(#key)")
                    .expressionAttributeNames(Map.of("#key", ChatRoomsTable.KEY)));
        } catch (ConditionalCheckFailedException alreadyMember) {
            // Written by an earlier join of the same connection.
        }
    }

    /** @return whether this call began the presence: its connection set was empty before */
    private boolean addToPresence(RoomName room, Member member, Instant now) {
        try {
            return addToLivePresence(room, member, now);
        } catch (ConditionalCheckFailedException expired) {
            removeExpiredPresence(room, member, now);
            return addToLivePresence(room, member, now);
        }
    }

    /** Adds the connection to a presence that has not expired; the member shown for it is the latest to join. */
    private boolean addToLivePresence(RoomName room, Member member, Instant now) {
        Map<String, String> names = new HashMap<>(Map.of(
                "#key", ChatRoomsTable.KEY,
                "#connections", ChatRoomsTable.CONNECTIONS,
                "#connectionId", ChatRoomsTable.CONNECTION_ID,
                "#name", ChatRoomsTable.DISPLAY_NAME,
                "#expiresAt", ChatRoomsTable.EXPIRES_AT));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":connection", AttributeValue.fromSs(List.of(member.connectionId().value())),
                ":connectionId", string(member.connectionId().value()),
                ":name", string(member.name().value()),
                ":expiresAt", number(expiry(now)),
                ":now", number(now.getEpochSecond())));
        String update = "ADD #connections :connection SET #connectionId = :connectionId, #name = :name,"
                + " #expiresAt = :expiresAt";
        if (member.userId().isPresent()) {
            update += ", #userId = :userId";
            names.put("#userId", ChatRoomsTable.USER_ID);
            values.put(":userId", string(member.userId().get().value()));
        }
        String finalUpdate = update;
        Map<String, AttributeValue> old = dynamoDb.updateItem(request -> request
                        .tableName(settings.tableName())
                        .key(roomKey(room, presenceKey(member)))
                        .updateExpression(finalUpdate)
                        .conditionExpression("attribute_not_exists(#key) OR #expiresAt > :now")
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .returnValues(ReturnValue.UPDATED_OLD))
                .attributes();
        return old == null || !old.containsKey(ChatRoomsTable.CONNECTIONS);
    }

    /**
     * Deletes a presence a lost {@code $disconnect} left to expire, unless it was renewed meanwhile; the count loses
     * it if it was counted (had connections), so replacing it changes the count by nothing.
     */
    private void removeExpiredPresence(RoomName room, Member member, Instant now) {
        try {
            Map<String, AttributeValue> old = dynamoDb.deleteItem(request -> request
                            .tableName(settings.tableName())
                            .key(roomKey(room, presenceKey(member)))
                            .conditionExpression("#expiresAt <= :now")
                            .expressionAttributeNames(Map.of("#expiresAt", ChatRoomsTable.EXPIRES_AT))
                            .expressionAttributeValues(Map.of(":now", number(now.getEpochSecond())))
                            .returnValues(ReturnValue.ALL_OLD))
                    .attributes();
            if (old != null && old.containsKey(ChatRoomsTable.CONNECTIONS)) {
                changeCount(room, -1);
            }
        } catch (ConditionalCheckFailedException renewed) {
            // Another join renewed it: the next attempt adds to it.
        }
    }

    private enum PresenceLeft { NOT_PRESENT, STILL_PRESENT, ENDED }

    /** Removes the connection from its presence; the one call that empties the set ended the presence. */
    private PresenceLeft removeFromPresence(RoomName room, Member member) {
        Map<String, AttributeValue> key = roomKey(room, presenceKey(member));
        Map<String, AttributeValue> after;
        try {
            after = dynamoDb.updateItem(request -> request
                            .tableName(settings.tableName())
                            .key(key)
                            .updateExpression("DELETE #connections :connection")
                            .conditionExpression("contains(#connections, :connectionId)")
                            .expressionAttributeNames(Map.of("#connections", ChatRoomsTable.CONNECTIONS))
                            .expressionAttributeValues(Map.of(
                                    ":connection", AttributeValue.fromSs(List.of(member.connectionId().value())),
                                    ":connectionId", string(member.connectionId().value())))
                            .returnValues(ReturnValue.ALL_NEW))
                    .attributes();
        } catch (ConditionalCheckFailedException notInIt) {
            return PresenceLeft.NOT_PRESENT;
        }
        // DynamoDB removes a set that loses its last element.
        if (after.containsKey(ChatRoomsTable.CONNECTIONS)) {
            return PresenceLeft.STILL_PRESENT;
        }
        try {
            dynamoDb.deleteItem(request -> request
                    .tableName(settings.tableName())
                    .key(key)
                    .conditionExpression("attribute_not_exists(#connections)")
                    .expressionAttributeNames(Map.of("#connections", ChatRoomsTable.CONNECTIONS)));
        } catch (ConditionalCheckFailedException joinedAgain) {
            // A racing join added its connection since: the presence it began is its own.
        }
        return PresenceLeft.ENDED;
    }

    /** @return whether there was a membership */
    private boolean removeMembership(RoomName room, ConnectionId connection) {
        Map<String, AttributeValue> old = dynamoDb.deleteItem(request -> request
                        .tableName(settings.tableName())
                        .key(roomKey(room, membershipKey(connection)))
                        .returnValues(ReturnValue.ALL_OLD))
                .attributes();
        return old != null && !old.isEmpty();
    }

    /** @return whether the room was in the connection's rooms; never creates a row for an unknown connection */
    private boolean removeRoom(RoomName room, ConnectionId connection) {
        try {
            dynamoDb.updateItem(request -> request
                    .tableName(settings.connections().tableName())
                    .key(connectionKey(connection))
                    .updateExpression("DELETE #rooms :rooms")
                    .conditionExpression("contains(#rooms, :room)")
                    .expressionAttributeNames(Map.of("#rooms", ChatDetailsTable.ROOMS))
                    .expressionAttributeValues(Map.of(
                            ":rooms", AttributeValue.fromSs(List.of(room.value())),
                            ":room", string(room.value()))));
            return true;
        } catch (ConditionalCheckFailedException notInIt) {
            return false;
        }
    }

    /**
     * @return the count after the change. A writer that died between a presence's write and its count's leaves the
     *         count one off; one that would go below 0 is set back to 0, so the drift does not outlast the room's
     *         emptying.
     */
    private int changeCount(RoomName room, int change) {
        Map<String, AttributeValue> after = dynamoDb.updateItem(request -> request
                        .tableName(settings.tableName())
                        .key(roomKey(room, ChatRoomsTable.COUNT_KEY))
                        .updateExpression("ADD #presences :change")
                        .expressionAttributeNames(Map.of("#presences", ChatRoomsTable.PRESENCES))
                        .expressionAttributeValues(Map.of(":change", number(change)))
                        .returnValues(ReturnValue.UPDATED_NEW))
                .attributes();
        int count = presences(after);
        if (count < 0) {
            resetNegativeCount(room);
        }
        return Math.max(0, count);
    }

    private void resetNegativeCount(RoomName room) {
        try {
            dynamoDb.updateItem(request -> request
                    .tableName(settings.tableName())
                    .key(roomKey(room, ChatRoomsTable.COUNT_KEY))
                    .updateExpression("SET #presences = :zero")
                    .conditionExpression("#presences < :zero")
                    .expressionAttributeNames(Map.of("#presences", ChatRoomsTable.PRESENCES))
                    .expressionAttributeValues(Map.of(":zero", number(0))));
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            // A racing join counted itself: the count is no longer below 0.
        }
    }

    private int count(RoomName room) {
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request
                        .tableName(settings.tableName())
                        .key(roomKey(room, ChatRoomsTable.COUNT_KEY))
                        .consistentRead(true))
                .item();
        return Math.max(0, presences(item));
    }

    private static int presences(Map<String, AttributeValue> countItem) {
        AttributeValue presences = countItem == null ? null : countItem.get(ChatRoomsTable.PRESENCES);
        return presences == null ? 0 : Integer.parseInt(presences.n());
    }

    private QueryRequest membershipsOf(RoomName room) {
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(settings.tableName())
                .keyConditionExpression("#room = :room AND begins_with(#key, :prefix)")
                .filterExpression("#expiresAt > :now")
                .projectionExpression("#key")
                .expressionAttributeNames(Map.of(
                        "#room", ChatRoomsTable.ROOM,
                        "#key", ChatRoomsTable.KEY,
                        "#expiresAt", ChatRoomsTable.EXPIRES_AT))
                .expressionAttributeValues(Map.of(
                        ":room", string(room.value()),
                        ":prefix", string(ChatRoomsTable.MEMBERSHIP_PREFIX),
                        ":now", number(clock.instant().getEpochSecond())));
        if (settings.queryPageSize() > 0) {
            query.limit(settings.queryPageSize());
        }
        return query.build();
    }

    private Iterable<Map<String, AttributeValue>> lobbyMembersOfShard(String shard) {
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(settings.connections().tableName())
                .indexName(ChatDetailsTable.ACTIVE_CONNECTIONS_INDEX)
                .keyConditionExpression("#activeShard = :shard")
                .filterExpression("contains(#rooms, :lobby)")
                .projectionExpression("#connectionId")
                .expressionAttributeNames(Map.of(
                        "#activeShard", ChatDetailsTable.ACTIVE_SHARD,
                        "#rooms", ChatDetailsTable.ROOMS,
                        "#connectionId", ChatDetailsTable.CONNECTION_ID))
                .expressionAttributeValues(Map.of(
                        ":shard", string(shard),
                        ":lobby", string(RoomName.LOBBY.value())));
        if (settings.queryPageSize() > 0) {
            query.limit(settings.queryPageSize());
        }
        return query(query.build());
    }

    private QueryRequest presencesOf(RoomName room, Map<String, AttributeValue> exclusiveStart, int limit) {
        return QueryRequest.builder()
                .tableName(settings.tableName())
                .keyConditionExpression("#room = :room AND begins_with(#key, :prefix)")
                // A presence whose last connection left, but whose item a crash kept, is nobody.
                .filterExpression("attribute_exists(#connections) AND #expiresAt > :now")
                .expressionAttributeNames(Map.of(
                        "#room", ChatRoomsTable.ROOM,
                        "#key", ChatRoomsTable.KEY,
                        "#connections", ChatRoomsTable.CONNECTIONS,
                        "#expiresAt", ChatRoomsTable.EXPIRES_AT))
                .expressionAttributeValues(Map.of(
                        ":room", string(room.value()),
                        ":prefix", string(ChatRoomsTable.PRESENCE_PREFIX),
                        ":now", number(clock.instant().getEpochSecond())))
                .exclusiveStartKey(exclusiveStart)
                .limit(limit)
                .build();
    }

    /** Every item of every page, each page read only when the one before is used up. */
    private Iterable<Map<String, AttributeValue>> query(QueryRequest request) {
        return dynamoDb.queryPaginator(request).items();
    }

    private static Member member(Map<String, AttributeValue> presence) {
        return new Member(
                new ConnectionId(presence.get(ChatRoomsTable.CONNECTION_ID).s()),
                Optional.ofNullable(presence.get(ChatRoomsTable.USER_ID)).map(user -> new UserId(user.s())),
                new DisplayName(presence.get(ChatRoomsTable.DISPLAY_NAME).s()));
    }

    /** The cursor after {@code presenceKey}: opaque to clients, and bound to its room. */
    private static String cursorAfter(RoomName room, String presenceKey) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((room.value() + CURSOR_SEPARATOR + presenceKey).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> startAfter(RoomName room, String cursor) {
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw notACursorOf(room);
        }
        String prefix = room.value() + CURSOR_SEPARATOR + ChatRoomsTable.PRESENCE_PREFIX;
        if (!decoded.startsWith(prefix) || decoded.length() == prefix.length()) {
            throw notACursorOf(room);
        }
        return roomKey(room, decoded.substring(room.value().length() + CURSOR_SEPARATOR.length()));
    }

    private static IllegalArgumentException notACursorOf(RoomName room) {
        return new IllegalArgumentException("not a cursor of the presences in room " + room);
    }

    private static long expiry(Instant now) {
        return now.plus(MEMBERSHIP_LIFETIME).getEpochSecond();
    }

    private static Map<String, AttributeValue> connectionKey(ConnectionId connection) {
        return Map.of(ChatDetailsTable.CONNECTION_ID, string(connection.value()));
    }

    private static Map<String, AttributeValue> roomKey(RoomName room, String key) {
        return Map.of(ChatRoomsTable.ROOM, string(room.value()), ChatRoomsTable.KEY, string(key));
    }

    private static String membershipKey(ConnectionId connection) {
        return ChatRoomsTable.MEMBERSHIP_PREFIX + connection.value();
    }

    private static String presenceKey(Member member) {
        return ChatRoomsTable.PRESENCE_PREFIX + member.presenceKey().value();
    }

    private static AttributeValue string(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
