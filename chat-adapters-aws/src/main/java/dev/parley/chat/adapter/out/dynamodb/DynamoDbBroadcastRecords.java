package dev.parley.chat.adapter.out.dynamodb;

import static dev.parley.chat.adapter.out.dynamodb.ChatDetailsItem.isoUtc;
import static dev.parley.chat.adapter.out.dynamodb.DynamoDbMessageHistory.number;

import dev.parley.chat.domain.model.Broadcast;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.PageCounts;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.TrackedBroadcast;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.port.out.BroadcastRecords;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Queued broadcasts as items of the {@link ChatHistoryTable} ({@code b#<id>}, seq 0). Each change is one conditional
 * UpdateItem, with no transaction (dynalite has none): a page's count adds to the counters and puts the page's number
 * into {@link ChatHistoryTable#COUNTED_PAGES} in the same write, on the condition that the number is not there yet.
 */
public final class DynamoDbBroadcastRecords implements BroadcastRecords {

    /** How long a broadcast's record is kept for its status to be read; then DynamoDB's time to live deletes it. */
    public static final Duration RETENTION = Duration.ofDays(7);

    private static final String EXISTS = "attribute_exists(#stream)";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbBroadcastRecords(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "DynamoDB client");
        this.tableName = ChatHistoryTable.requireValidName(tableName);
    }

    @Override
    public void create(Broadcast broadcast) {
        Map<String, AttributeValue> item = new HashMap<>(keyOf(broadcast.id()));
        item.put(ChatHistoryTable.MESSAGE, AttributeValue.fromS(broadcast.text().value()));
        item.put(ChatHistoryTable.SENT_AT, AttributeValue.fromS(isoUtc(broadcast.acceptedAt())));
        broadcast.room().ifPresent(room -> item.put(ChatHistoryTable.ROOM, AttributeValue.fromS(room.value())));
        broadcast.sender().ifPresent(user -> item.put(ChatHistoryTable.USER_ID, AttributeValue.fromS(user.value())));
        item.put(ChatHistoryTable.RECIPIENTS, number(broadcast.recipients()));
        item.put(ChatHistoryTable.PAGES, number(broadcast.pages()));
        item.put(ChatHistoryTable.EXPIRES_AT, number(broadcast.acceptedAt().plus(RETENTION).getEpochSecond()));
        dynamoDb.putItem(request -> request
                .tableName(tableName)
                .item(item)
                .conditionExpression("attribute_not_exists(#stream)")
                .expressionAttributeNames(Map.of("#stream", ChatHistoryTable.STREAM)));
    }

    @Override
    public Optional<TrackedBroadcast> find(MessageId id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request
                        .tableName(tableName)
                        .key(keyOf(id))
                        .consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(tracked(id, item));
    }

    @Override
    public void begin(MessageId id) {
        updateIfExists(id, "SET #begun = :true", EXISTS, Map.of("#begun", ChatHistoryTable.BEGUN),
                Map.of(":true", AttributeValue.fromBool(true)));
    }

    @Override
    public Optional<TrackedBroadcast> countPage(MessageId id, int page, PageCounts counts) {
        try {
            Map<String, AttributeValue> after = dynamoDb.updateItem(request -> request
                            .tableName(tableName)
                            .key(keyOf(id))
                            .updateExpression("ADD #delivered :delivered, #gone :gone, #failed :failed,"
                                    + " #pagesCounted :one, #countedPages :pages")
                            .conditionExpression(EXISTS + " AND NOT contains(#countedPages, :page)")
                            .expressionAttributeNames(Map.of("#stream", ChatHistoryTable.STREAM,
                                    "#delivered", ChatHistoryTable.DELIVERED, "#gone", ChatHistoryTable.GONE,
                                    "#failed", ChatHistoryTable.FAILED, "#pagesCounted", ChatHistoryTable.PAGES_COUNTED,
                                    "#countedPages", ChatHistoryTable.COUNTED_PAGES))
                            .expressionAttributeValues(Map.of(":delivered", number(counts.delivered()),
                                    ":gone", number(counts.gone()), ":failed", number(counts.failed()),
                                    ":one", number(1), ":pages", AttributeValue.fromNs(List.of(Integer.toString(page))),
                                    ":page", number(page)))
                            .returnValues(ReturnValue.ALL_NEW))
                    .attributes();
            return Optional.of(tracked(id, after));
        } catch (ConditionalCheckFailedException countedBeforeOrUnknown) {
            return Optional.empty();
        }
    }

    @Override
    public void finish(MessageId id, Instant at) {
        updateIfExists(id, "SET #finishedAt = :at", EXISTS + " AND attribute_not_exists(#finishedAt)",
                Map.of("#finishedAt", ChatHistoryTable.FINISHED_AT), Map.of(":at", AttributeValue.fromS(isoUtc(at))));
    }

    private void updateIfExists(MessageId id, String update, String condition, Map<String, String> names,
            Map<String, AttributeValue> values) {
        Map<String, String> allNames = new HashMap<>(names);
        allNames.put("#stream", ChatHistoryTable.STREAM);
        try {
            dynamoDb.updateItem(request -> request
                    .tableName(tableName)
                    .key(keyOf(id))
                    .updateExpression(update)
                    .conditionExpression(condition)
                    .expressionAttributeNames(allNames)
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException unknownOrDoneBefore) {
            // Nothing to change: no such broadcast, or the change was made before.
        }
    }

    private static TrackedBroadcast tracked(MessageId id, Map<String, AttributeValue> item) {
        var broadcast = new Broadcast(id,
                new MessageText(item.get(ChatHistoryTable.MESSAGE).s()),
                Instant.parse(item.get(ChatHistoryTable.SENT_AT).s()),
                Optional.ofNullable(item.get(ChatHistoryTable.ROOM)).map(room -> new RoomName(room.s())),
                Optional.ofNullable(item.get(ChatHistoryTable.USER_ID)).map(user -> new UserId(user.s())),
                integer(item, ChatHistoryTable.RECIPIENTS),
                integer(item, ChatHistoryTable.PAGES));
        var counted = new PageCounts(integer(item, ChatHistoryTable.DELIVERED), integer(item, ChatHistoryTable.GONE),
                integer(item, ChatHistoryTable.FAILED));
        AttributeValue begun = item.get(ChatHistoryTable.BEGUN);
        return new TrackedBroadcast(broadcast, counted, integer(item, ChatHistoryTable.PAGES_COUNTED),
                begun != null && Boolean.TRUE.equals(begun.bool()),
                Optional.ofNullable(item.get(ChatHistoryTable.FINISHED_AT)).map(at -> Instant.parse(at.s())));
    }

    /** A counter's value; a counter never added to is absent, and 0. */
    private static int integer(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? 0 : Integer.parseInt(value.n());
    }

    private static Map<String, AttributeValue> keyOf(MessageId id) {
        return Map.of(ChatHistoryTable.STREAM, AttributeValue.fromS(ChatHistoryTable.BROADCAST_PREFIX + id),
                ChatHistoryTable.SEQ, number(0));
    }
}
