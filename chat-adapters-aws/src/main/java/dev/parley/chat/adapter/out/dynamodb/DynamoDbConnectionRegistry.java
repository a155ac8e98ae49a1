package dev.parley.chat.adapter.out.dynamodb;

import static dev.parley.chat.adapter.out.dynamodb.ChatDetailsItem.isoUtc;

import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.ConnectionRecord;
import dev.parley.chat.domain.model.Disconnection;
import dev.parley.chat.domain.model.PostedText;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.core.pagination.sync.SdkIterable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The connections in the {@link ChatDetailsTable}, one item each. Active connections carry an {@code ActiveShard}
 * and so appear in the sparse {@code ActiveConnections} index, which lists them without a Scan, and those of a user
 * an {@code ActiveUser}, for the sparse {@code ActiveUsers} index; every item expires through DynamoDB's time to live
 * once its retention is over.
 *
 * <p>Whole items are written and read with the Enhanced Client. The targeted updates go through the low-level client
 * it wraps: the Enhanced Client cannot REMOVE one attribute while leaving the others untouched.
 *
 * <p>The rules of how a record changes are {@link ConnectionRecord}'s. Each update stores the values the domain
 * decided, and its condition expression is how the table persists the rule that decides whether it applies: DynamoDB
 * checks it against the item as it is at the write, so concurrent instances cannot both pass it, which reading the
 * record first and deciding here could not promise.
 */
public final class DynamoDbConnectionRegistry implements ConnectionRegistry {

    /**
     * A broadcast's audit trail is one UpdateItem per connection reached (BatchWriteItem only puts whole items, which
     * would overwrite concurrent writes). One after another, 10,000 connections at about 5 ms a call take some 50 s,
     * a hundred times the broadcast itself; eight writers bring it to seconds, far below an on-demand table's write
     * limits and within what one HTTP client keeps open.
     */
    static final int BROADCAST_WRITERS = 8;

    private static final String IS_REGISTERED = "attribute_exists(#connectionId)";
    private static final ThreadFactory BROADCAST_WRITER_THREADS = task -> {
        Thread thread = new Thread(task, "chat-details-broadcast-writer");
        thread.setDaemon(true);
        return thread;
    };

    private final DynamoDbClient dynamoDb;
    private final DynamoDbRegistrySettings settings;
    private final DynamoDbTable<ChatDetailsItem> table;
    private final DynamoDbIndex<ChatDetailsItem> activeConnectionsIndex;
    private final DynamoDbIndex<ChatDetailsItem> activeUsersIndex;

    public DynamoDbConnectionRegistry(
            DynamoDbEnhancedClient enhancedClient, DynamoDbClient dynamoDb, DynamoDbRegistrySettings settings) {
        Objects.requireNonNull(enhancedClient, "enhanced client");
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "DynamoDB client");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.table = enhancedClient.table(settings.tableName(), ChatDetailsItem.SCHEMA);
        this.activeConnectionsIndex = table.index(ChatDetailsTable.ACTIVE_CONNECTIONS_INDEX);
        this.activeUsersIndex = table.index(ChatDetailsTable.ACTIVE_USERS_INDEX);
    }

    @Override
    public void register(Connection connection) {
        Objects.requireNonNull(connection, "connection");
        Instant expiresAt = connection.connectedAt().plus(Connection.MAX_DURATION).plus(settings.retention());
        table.putItem(ChatDetailsItem.active(connection, settings.shardOf(connection.id()), expiresAt));
    }

    @Override
    public Optional<ConnectionRecord> find(ConnectionId id) {
        Objects.requireNonNull(id, "connection id");
        // Consistent: a $connect's write must be visible to the message that follows it at once.
        ChatDetailsItem item = table.getItem(request -> request
                .key(Key.builder().partitionValue(id.value()).build())
                .consistentRead(true));
        return Optional.ofNullable(item).map(ChatDetailsItem::toRecord);
    }

    @Override
    public boolean markDisconnected(ConnectionId id, Disconnection disconnection) {
        Objects.requireNonNull(id, "connection id");
        Objects.requireNonNull(disconnection, "disconnection");
        // ConnectionRecord.disconnect: only an active record ends, so the first disconnection wins.
        return updateIfRegistered(id,
                "SET #disconnectTime = :disconnectTime, #reason = :reason, #expiresAt = :expiresAt"
                        + " REMOVE #activeShard, #activeUser",
                IS_REGISTERED + " AND attribute_not_exists(#disconnectTime)",
                Map.of("#disconnectTime", ChatDetailsTable.DISCONNECT_TIME,
                        "#reason", ChatDetailsTable.DISCONNECT_REASON,
                        "#expiresAt", ChatDetailsTable.EXPIRES_AT,
                        "#activeShard", ChatDetailsTable.ACTIVE_SHARD,
                        "#activeUser", ChatDetailsTable.ACTIVE_USER),
                Map.of(":disconnectTime", string(isoUtc(disconnection.at())),
                        ":reason", string(disconnection.reason().description()),
                        ":expiresAt", number(disconnection.at().plus(settings.retention()).getEpochSecond())));
    }

    @Override
    public void recordMessage(ConnectionId sender, PostedText message) {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(message, "message");
        updateIfRegistered(sender, "SET #text = :text, #time = :time", IS_REGISTERED,
                Map.of("#text", ChatDetailsTable.MESSAGE, "#time", ChatDetailsTable.LATEST_MESSAGE_TIME),
                Map.of(":text", string(message.text().value()), ":time", string(isoUtc(message.at()))));
    }

    @Override
    public void recordBroadcast(Collection<ConnectionId> reached, PostedText broadcast) {
        Objects.requireNonNull(reached, "reached");
        Objects.requireNonNull(broadcast, "broadcast");
        if (reached.isEmpty()) {
            return;
        }
        // Threads made for this call alone, so none is left frozen between two Lambda invocations.
        ExecutorService writers = Executors.newFixedThreadPool(
                Math.min(BROADCAST_WRITERS, reached.size()), BROADCAST_WRITER_THREADS);
        try {
            CompletableFuture.allOf(reached.stream()
                    .map(id -> CompletableFuture.runAsync(() -> recordBroadcastOn(id, broadcast), writers))
                    .toArray(CompletableFuture<?>[]::new))
                    .join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : e;
        } finally {
            writers.shutdown();
        }
    }

    @Override
    public Stream<Connection> activeConnections() {
        // Page by page, so the first recipients can be sent to while later pages are still unread.
        return ShardByShard.stream(settings.shards(), this::queryShard)
                .flatMap(page -> page.items().stream())
                .map(ChatDetailsItem::toConnection);
    }

    /** One Query of the sparse {@code ActiveUsers} index, page by page: the user's connections while they are active. */
    @Override
    public Stream<Connection> activeConnectionsOf(UserId user) {
        Objects.requireNonNull(user, "user");
        QueryEnhancedRequest.Builder query = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(user.value()).build()));
        if (settings.queryPageSize() > 0) {
            query.limit(settings.queryPageSize());
        }
        return StreamSupport.stream(activeUsersIndex.query(query.build()).spliterator(), false)
                .flatMap(page -> page.items().stream())
                .map(ChatDetailsItem::toConnection);
    }

    private SdkIterable<Page<ChatDetailsItem>> queryShard(String shard) {
        QueryEnhancedRequest.Builder query = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(shard).build()));
        if (settings.queryPageSize() > 0) {
            query.limit(settings.queryPageSize());
        }
        return activeConnectionsIndex.query(query.build());
    }

    /** The sender is removed with a broadcast by no one named, so it never stays with another's text. */
    private void recordBroadcastOn(ConnectionId id, PostedText broadcast) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":text", string(broadcast.text().value()),
                ":time", string(isoUtc(broadcast.at()))));
        broadcast.sentBy().ifPresent(sender -> values.put(":sender", string(sender.value())));
        updateIfRegistered(id, "SET #text = :text, #time = :time"
                        + (broadcast.sentBy().isPresent() ? ", #sender = :sender" : " REMOVE #sender"), IS_REGISTERED,
                Map.of("#text", ChatDetailsTable.BROADCAST_MESSAGE, "#time", ChatDetailsTable.LATEST_BROADCAST_TIME,
                        "#sender", ChatDetailsTable.BROADCAST_SENDER),
                values);
    }

    /** Applies the update when the condition holds; false when it does not, which never creates an item. */
    private boolean updateIfRegistered(ConnectionId id, String update, String condition,
            Map<String, String> names, Map<String, AttributeValue> values) {
        Map<String, String> allNames = new HashMap<>(names);
        allNames.put("#connectionId", ChatDetailsTable.CONNECTION_ID);
        try {
            dynamoDb.updateItem(request -> request
                    .tableName(settings.tableName())
                    .key(Map.of(ChatDetailsTable.CONNECTION_ID, string(id.value())))
                    .updateExpression(update)
                    .conditionExpression(condition)
                    .expressionAttributeNames(allNames)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException conditionNotMet) {
            return false;
        }
    }

    private static AttributeValue string(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
