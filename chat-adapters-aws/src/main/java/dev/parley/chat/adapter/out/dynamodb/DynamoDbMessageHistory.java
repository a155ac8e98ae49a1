package dev.parley.chat.adapter.out.dynamodb;

import static dev.parley.chat.adapter.out.dynamodb.ChatDetailsItem.isoUtc;

import dev.parley.chat.domain.model.ChatMessage;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.Epoch;
import dev.parley.chat.domain.model.HistoryEntry;
import dev.parley.chat.domain.model.HistoryHead;
import dev.parley.chat.domain.model.HistoryPosition;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.StoredMessage;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.model.VoidSeq;
import dev.parley.chat.domain.port.out.MessageHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Rooms' histories in the {@link ChatHistoryTable} without transactions (ADR 0010): a seq is allocated by one atomic
 * update of the room's head ({@code ADD Latest 1}, which also starts the epoch if there is none and returns both), and
 * its message stored by one conditional put ({@code attribute_not_exists}), so no seq is given twice and no entry is
 * overwritten. Every read is a strongly consistent GetItem or Query of one partition: never a Scan, never an index.
 */
public final class DynamoDbMessageHistory implements MessageHistory {

    private static final String NOT_THERE = "attribute_not_exists(#stream)";

    private final DynamoDbClient dynamoDb;
    private final DynamoDbHistorySettings settings;

    public DynamoDbMessageHistory(DynamoDbClient dynamoDb, DynamoDbHistorySettings settings) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "DynamoDB client");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public HistoryHead head(RoomName room) {
        Objects.requireNonNull(room, "room");
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request
                        .tableName(settings.tableName())
                        .key(headKey(room))
                        .consistentRead(true))
                .item();
        if (item != null && !item.isEmpty()) {
            return headOf(item);
        }
        HistoryHead fresh = HistoryHead.start(Epoch.random());
        try {
            putHead(room, fresh, NOT_THERE);
            return fresh;
        } catch (ConditionalCheckFailedException startedMeanwhile) {
            return head(room);
        }
    }

    @Override
    public HistoryPosition allocate(RoomName room, Instant at) {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(at, "at");
        Map<String, AttributeValue> item = dynamoDb.updateItem(request -> request
                        .tableName(settings.tableName())
                        .key(headKey(room))
                        .updateExpression("SET #epoch = if_not_exists(#epoch, :epoch), #at = :at ADD #latest :one")
                        .expressionAttributeNames(Map.of("#epoch", ChatHistoryTable.EPOCH,
                                "#at", ChatHistoryTable.ALLOCATED_AT, "#latest", ChatHistoryTable.LATEST))
                        .expressionAttributeValues(Map.of(":epoch", AttributeValue.fromS(Epoch.random().value()),
                                ":at", AttributeValue.fromS(isoUtc(at)), ":one", number(1)))
                        .returnValues(ReturnValue.ALL_NEW))
                .attributes();
        return headOf(item).latest();
    }

    @Override
    public void store(StoredMessage stored, Instant expiresAt) {
        Objects.requireNonNull(stored, "stored message");
        ChatMessage message = stored.message();
        Map<String, AttributeValue> item = entryItem(stored.room(), stored.position(), expiresAt);
        item.put(ChatHistoryTable.MESSAGE_ID, AttributeValue.fromS(message.id().toString()));
        item.put(ChatHistoryTable.CONNECTION_ID, AttributeValue.fromS(message.from().value()));
        item.put(ChatHistoryTable.DISPLAY_NAME, AttributeValue.fromS(message.senderName().value()));
        message.senderUserId().ifPresent(user -> item.put(ChatHistoryTable.USER_ID, AttributeValue.fromS(user.value())));
        item.put(ChatHistoryTable.MESSAGE, AttributeValue.fromS(message.text().value()));
        item.put(ChatHistoryTable.SENT_AT, AttributeValue.fromS(isoUtc(message.sentAt())));
        try {
            putIfAbsent(item);
        } catch (ConditionalCheckFailedException taken) {
            throw new IllegalStateException(
                    "seq " + stored.seq() + " of " + stored.room() + " holds an entry already", taken);
        }
    }

    @Override
    public void markVoid(RoomName room, HistoryPosition position, Instant at, Instant expiresAt) {
        Objects.requireNonNull(room, "room");
        Map<String, AttributeValue> item = entryItem(room, position, expiresAt);
        item.put(ChatHistoryTable.VOID_AT, AttributeValue.fromS(isoUtc(at)));
        try {
            putIfAbsent(item);
        } catch (ConditionalCheckFailedException storedAfterAll) {
            // The write that failed on its way back had stored the message: the seq is not void.
        }
    }

    @Override
    public List<HistoryEntry> entries(RoomName room, HistoryPosition after, long upTo) {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(after, "after");
        if (upTo <= after.seq()) {
            return List.of();
        }
        QueryRequest query = entriesOf(room, after.epoch())
                .keyConditionExpression("#stream = :stream AND #seq BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":stream", messagesStream(room, after.epoch()),
                        ":from", number(after.seq() + 1), ":to", number(upTo)))
                .build();
        var entries = new ArrayList<HistoryEntry>();
        dynamoDb.queryPaginator(query).items().forEach(item -> entries.add(entryOf(room, after.epoch(), item)));
        return entries;
    }

    @Override
    public List<HistoryEntry> latest(RoomName room, Epoch epoch, long before, int limit) {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(epoch, "epoch");
        if (limit < 1) {
            throw new IllegalArgumentException("limit is 1 or more, not " + limit);
        }
        var entries = new ArrayList<HistoryEntry>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(entriesOf(room, epoch)
                    .keyConditionExpression("#stream = :stream AND #seq < :before")
                    .expressionAttributeValues(Map.of(":stream", messagesStream(room, epoch), ":before", number(before)))
                    .scanIndexForward(false)
                    .limit(settings.queryPageSize() > 0
                            ? Math.min(settings.queryPageSize(), limit - entries.size())
                            : limit - entries.size())
                    .exclusiveStartKey(from)
                    .build());
            page.items().forEach(item -> entries.add(entryOf(room, epoch, item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && entries.size() < limit);
        return entries;
    }

    @Override
    public HistoryHead reset(RoomName room) {
        Objects.requireNonNull(room, "room");
        HistoryHead fresh = HistoryHead.start(Epoch.random());
        putHead(room, fresh, null);
        return fresh;
    }

    private void putHead(RoomName room, HistoryHead head, String condition) {
        Map<String, AttributeValue> item = new HashMap<>(headKey(room));
        item.put(ChatHistoryTable.EPOCH, AttributeValue.fromS(head.epoch().value()));
        item.put(ChatHistoryTable.LATEST, number(head.seq()));
        dynamoDb.putItem(request -> {
            request.tableName(settings.tableName()).item(item);
            if (condition != null) {
                request.conditionExpression(condition)
                        .expressionAttributeNames(Map.of("#stream", ChatHistoryTable.STREAM));
            }
        });
    }

    private void putIfAbsent(Map<String, AttributeValue> item) {
        dynamoDb.putItem(request -> request
                .tableName(settings.tableName())
                .item(item)
                .conditionExpression(NOT_THERE)
                .expressionAttributeNames(Map.of("#stream", ChatHistoryTable.STREAM)));
    }

    private QueryRequest.Builder entriesOf(RoomName room, Epoch epoch) {
        var query = QueryRequest.builder()
                .tableName(settings.tableName())
                .expressionAttributeNames(Map.of("#stream", ChatHistoryTable.STREAM, "#seq", ChatHistoryTable.SEQ))
                .consistentRead(true);
        return settings.queryPageSize() > 0 ? query.limit(settings.queryPageSize()) : query;
    }

    private static Map<String, AttributeValue> entryItem(RoomName room, HistoryPosition position, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ChatHistoryTable.STREAM, messagesStream(room, position.epoch()));
        item.put(ChatHistoryTable.SEQ, number(position.seq()));
        item.put(ChatHistoryTable.EXPIRES_AT, number(expiresAt.getEpochSecond()));
        return item;
    }

    private static HistoryEntry entryOf(RoomName room, Epoch epoch, Map<String, AttributeValue> item) {
        var position = new HistoryPosition(epoch, Long.parseLong(item.get(ChatHistoryTable.SEQ).n()));
        if (item.containsKey(ChatHistoryTable.VOID_AT)) {
            return new VoidSeq(position, Instant.parse(item.get(ChatHistoryTable.VOID_AT).s()));
        }
        var message = new ChatMessage(
                new MessageId(UUID.fromString(item.get(ChatHistoryTable.MESSAGE_ID).s())),
                new ConnectionId(item.get(ChatHistoryTable.CONNECTION_ID).s()),
                new DisplayName(item.get(ChatHistoryTable.DISPLAY_NAME).s()),
                Optional.ofNullable(item.get(ChatHistoryTable.USER_ID)).map(user -> new UserId(user.s())),
                new MessageText(item.get(ChatHistoryTable.MESSAGE).s()),
                Instant.parse(item.get(ChatHistoryTable.SENT_AT).s()),
                Optional.of(room), OptionalLong.of(position.seq()));
        return new StoredMessage(position, message);
    }

    private static HistoryHead headOf(Map<String, AttributeValue> item) {
        var latest = new HistoryPosition(new Epoch(item.get(ChatHistoryTable.EPOCH).s()),
                Long.parseLong(item.get(ChatHistoryTable.LATEST).n()));
        return new HistoryHead(latest,
                Optional.ofNullable(item.get(ChatHistoryTable.ALLOCATED_AT)).map(at -> Instant.parse(at.s())));
    }

    private static Map<String, AttributeValue> headKey(RoomName room) {
        return Map.of(ChatHistoryTable.STREAM, AttributeValue.fromS(ChatHistoryTable.HEAD_PREFIX + room.value()),
                ChatHistoryTable.SEQ, number(0));
    }

    private static AttributeValue messagesStream(RoomName room, Epoch epoch) {
        return AttributeValue.fromS(ChatHistoryTable.MESSAGES_PREFIX + room.value() + "#" + epoch.value());
    }

    static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
