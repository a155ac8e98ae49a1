package dev.parley.chat.adapter.out.dynamodb;

import static dev.parley.chat.adapter.out.dynamodb.ChatDetailsItem.isoUtc;
import static dev.parley.chat.adapter.out.dynamodb.DynamoDbMessageHistory.number;

import dev.parley.chat.domain.model.AudiencePlan;
import dev.parley.chat.domain.model.Broadcast;
import dev.parley.chat.domain.model.BroadcastPage;
import dev.parley.chat.domain.model.ConnectionId;
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
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Queued broadcasts as items of the {@link ChatHistoryTable} ({@code b#<id>}, seq 0, and its planned pages at seq 1
 * up). Each change of the record is one conditional UpdateItem, with no transaction (dynalite has none): the plan is
 * fixed only where none is, after its pages were written; a page's count adds to the counters and puts the page's
 * number into {@link ChatHistoryTable#COUNTED_PAGES} in the same write, on the condition that the number is not there
 * yet.
 */
public final class DynamoDbBroadcastRecords implements BroadcastRecords {

    /** How long a broadcast's record is kept for its status to be read; then DynamoDB's time to live deletes it. */
    public static final Duration RETENTION = Duration.ofDays(7);

    private static final String EXISTS = "attribute_exists(#stream)";
    /** DynamoDB takes at most 25 writes a BatchWriteItem. */
    private static final int BATCH_WRITE_SIZE = 25;

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
        item.put(ChatHistoryTable.EXPIRES_AT, expiry(broadcast));
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
    public List<BroadcastPage> plan(MessageId id, List<BroadcastPage> pages) {
        Optional<TrackedBroadcast> tracked = find(id);
        if (tracked.isEmpty() || tracked.get().plan().isPresent()) {
            return plannedPages(id);
        }
        AttributeValue expiresAt = expiry(tracked.get().broadcast());
        List<WriteRequest> puts = pages.stream()
                .map(page -> WriteRequest.builder().putRequest(put -> put.item(pageItem(page, expiresAt))).build())
                .toList();
        for (int from = 0; from < puts.size(); from += BATCH_WRITE_SIZE) {
            writeAll(puts.subList(from, Math.min(puts.size(), from + BATCH_WRITE_SIZE)));
        }
        try {
            dynamoDb.updateItem(request -> request
                    .tableName(tableName)
                    .key(keyOf(id))
                    .updateExpression("SET #recipients = :recipients, #pages = :pages")
                    .conditionExpression(EXISTS + " AND attribute_not_exists(#pages)")
                    .expressionAttributeNames(Map.of("#stream", ChatHistoryTable.STREAM,
                            "#recipients", ChatHistoryTable.RECIPIENTS, "#pages", ChatHistoryTable.PAGES))
                    .expressionAttributeValues(Map.of(
                            ":recipients", number(pages.stream().mapToInt(page -> page.recipients().size()).sum()),
                            ":pages", number(pages.size()))));
            return List.copyOf(pages);
        } catch (ConditionalCheckFailedException plannedBefore) {
            return plannedPages(id);
        }
    }

    @Override
    public List<BroadcastPage> plannedPages(MessageId id) {
        int pages = find(id).flatMap(TrackedBroadcast::plan).map(AudiencePlan::pages).orElse(0);
        if (pages == 0) {
            return List.of();
        }
        return dynamoDb.queryPaginator(request -> request
                        .tableName(tableName)
                        .keyConditionExpression("#stream = :stream AND #seq BETWEEN :first AND :last")
                        .expressionAttributeNames(Map.of("#stream", ChatHistoryTable.STREAM, "#seq", ChatHistoryTable.SEQ))
                        .expressionAttributeValues(Map.of(":stream", streamOf(id), ":first", number(1),
                                ":last", number(pages)))
                        .consistentRead(true))
                .items().stream()
                .map(item -> new BroadcastPage(id, Integer.parseInt(item.get(ChatHistoryTable.SEQ).n()) - 1,
                        item.get(ChatHistoryTable.PAGE_RECIPIENTS).l().stream()
                                .map(recipient -> new ConnectionId(recipient.s())).toList()))
                .toList();
    }

    @Override
    public void pagesQueued(MessageId id) {
        updateIfExists(id, "SET #queued = :true", EXISTS + " AND attribute_exists(#pages)",
                Map.of("#queued", ChatHistoryTable.PAGES_QUEUED, "#pages", ChatHistoryTable.PAGES),
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
        updateIfExists(id, "SET #finishedAt = :at",
                EXISTS + " AND attribute_exists(#pages) AND attribute_not_exists(#finishedAt)",
                Map.of("#finishedAt", ChatHistoryTable.FINISHED_AT, "#pages", ChatHistoryTable.PAGES),
                Map.of(":at", AttributeValue.fromS(isoUtc(at))));
    }

    /** Writes every request, sending again what DynamoDB left unprocessed (its throttling of a batch). */
    private void writeAll(List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(tableName, batch);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> items = pending;
            pending = dynamoDb.batchWriteItem(request -> request.requestItems(items)).unprocessedItems();
        }
    }

    private Map<String, AttributeValue> pageItem(BroadcastPage page, AttributeValue expiresAt) {
        return Map.of(ChatHistoryTable.STREAM, streamOf(page.broadcast()),
                ChatHistoryTable.SEQ, number(page.number() + 1),
                ChatHistoryTable.PAGE_RECIPIENTS, AttributeValue.fromL(page.recipients().stream()
                        .map(recipient -> AttributeValue.fromS(recipient.value())).toList()),
                ChatHistoryTable.EXPIRES_AT, expiresAt);
    }

    private static AttributeValue expiry(Broadcast broadcast) {
        return number(broadcast.acceptedAt().plus(RETENTION).getEpochSecond());
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
                Optional.ofNullable(item.get(ChatHistoryTable.USER_ID)).map(user -> new UserId(user.s())));
        Optional<AudiencePlan> plan = item.containsKey(ChatHistoryTable.PAGES)
                ? Optional.of(new AudiencePlan(integer(item, ChatHistoryTable.RECIPIENTS),
                        integer(item, ChatHistoryTable.PAGES)))
                : Optional.empty();
        var counted = new PageCounts(integer(item, ChatHistoryTable.DELIVERED), integer(item, ChatHistoryTable.GONE),
                integer(item, ChatHistoryTable.FAILED));
        AttributeValue queued = item.get(ChatHistoryTable.PAGES_QUEUED);
        return new TrackedBroadcast(broadcast, plan, queued != null && Boolean.TRUE.equals(queued.bool()), counted,
                integer(item, ChatHistoryTable.PAGES_COUNTED),
                Optional.ofNullable(item.get(ChatHistoryTable.FINISHED_AT)).map(at -> Instant.parse(at.s())));
    }

    /** A counter's value; a counter never added to is absent, and 0. */
    private static int integer(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? 0 : Integer.parseInt(value.n());
    }

    private static Map<String, AttributeValue> keyOf(MessageId id) {
        return Map.of(ChatHistoryTable.STREAM, streamOf(id), ChatHistoryTable.SEQ, number(0));
    }

    private static AttributeValue streamOf(MessageId id) {
        return AttributeValue.fromS(ChatHistoryTable.BROADCAST_PREFIX + id);
    }
}
