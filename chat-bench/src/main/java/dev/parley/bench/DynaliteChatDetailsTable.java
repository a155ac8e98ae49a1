package dev.parley.bench;

import dev.parley.chat.adapter.out.dynamodb.ChatDetailsTable;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbConnectionRegistry;
import dev.parley.chat.adapter.out.dynamodb.ChatHistoryTable;
import dev.parley.chat.adapter.out.dynamodb.ChatRoomsTable;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbRegistrySettings;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbHistorySettings;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbMessageHistory;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbRoomRegistry;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbRoomRegistrySettings;
import dev.parley.dynalite.Dynalite;
import dev.parley.dynalite.DynaliteOptions;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A dynalite on a free loopback port with the chat details table created as the deployment defines it (and the chat
 * rooms table when asked for), and a DynamoDB client on it whose calls pass through the given interceptors.
 */
public final class DynaliteChatDetailsTable implements AutoCloseable {

    public static final AwsCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    public static final Region REGION = Region.US_EAST_1;
    /** BatchWriteItem's limit. */
    private static final int BATCH = 25;

    private final Dynalite dynalite;
    private final DynamoDbClient client;
    private final String tableName;

    private DynaliteChatDetailsTable(Dynalite dynalite, DynamoDbClient client, String tableName) {
        this.dynalite = dynalite;
        this.client = client;
        this.tableName = tableName;
    }

    public static DynaliteChatDetailsTable start(String tableName, ExecutionInterceptor... interceptors) {
        Dynalite dynalite = Dynalite.start(DynaliteOptions.inMemory());
        try {
            DynamoDbClient client = DynamoDbClient.builder()
                    .endpointOverride(dynalite.endpoint())
                    .region(REGION)
                    .credentialsProvider(CREDENTIALS)
                    .httpClient(UrlConnectionHttpClient.create())
                    .overrideConfiguration(override -> List.of(interceptors).forEach(override::addExecutionInterceptor))
                    .build();
            var table = new DynaliteChatDetailsTable(dynalite, client, tableName);
            table.create(ChatDetailsTable.createTableRequest(tableName));
            return table;
        } catch (RuntimeException failure) {
            dynalite.close();
            throw failure;
        }
    }

    public URI endpoint() {
        return dynalite.endpoint();
    }

    public String tableName() {
        return tableName;
    }

    public DynamoDbClient client() {
        return client;
    }

    /** The registry the handlers use, on this table, with the default settings. */
    public DynamoDbConnectionRegistry registry() {
        return new DynamoDbConnectionRegistry(DynamoDbEnhancedClient.builder().dynamoDbClient(client).build(), client,
                DynamoDbRegistrySettings.defaults(tableName));
    }

    /**
     * Creates the chat rooms table beside the chat details table and returns the room registry on both, with the
     * registries' default settings as {@code AwsModule} wires them but for {@code queryPageSize} (0, as deployed:
     * DynamoDB's 1 MB pages).
     */
    public DynamoDbRoomRegistry createRoomsTable(String roomsTableName, int queryPageSize, Clock clock) {
        create(ChatRoomsTable.createTableRequest(roomsTableName));
        return new DynamoDbRoomRegistry(client, new DynamoDbRoomRegistrySettings(
                DynamoDbRegistrySettings.defaults(tableName), roomsTableName, queryPageSize), clock);
    }

    /** Creates the history table {@code historyTableName} and returns the history kept in it. */
    public DynamoDbMessageHistory createHistoryTable(String historyTableName) {
        create(ChatHistoryTable.createTableRequest(historyTableName));
        return new DynamoDbMessageHistory(client, new DynamoDbHistorySettings(historyTableName, 0));
    }

    private void create(CreateTableRequest table) {
        client.createTable(table);
        client.waiter().waitUntilTableExists(request -> request.tableName(table.tableName()));
    }

    /** Writes every item with {@code write}, {@code writers} at a time: a benchmark's set-up. */
    public static <T> void writeAll(List<T> items, Consumer<T> write, int writers) {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CompletableFuture.allOf(items.stream()
                    .map(item -> CompletableFuture.runAsync(() -> write.accept(item), pool))
                    .toArray(CompletableFuture<?>[]::new)).join();
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Writes {@code count} rows of connections that ended long ago (no {@code ActiveShard}, so outside the active
     * index), as the table's history holds them, numbered from {@code first}, in batches of 25.
     */
    public void writeEndedConnections(int first, int count, Instant connectedAt) {
        List<WriteRequest> batch = new ArrayList<>(BATCH);
        for (int n = first; n < first + count; n++) {
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(endedRow(n, connectedAt)).build()).build());
            if (batch.size() == BATCH || n == first + count - 1) {
                writeBatch(batch);
                batch = new ArrayList<>(BATCH);
            }
        }
    }

    /** Reads the whole table with Scan, page by page, as the original tutorial found its recipients. */
    public void scanAll() {
        client.scanPaginator(request -> request.tableName(tableName)).forEach(page -> { });
    }

    private void writeBatch(List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(tableName, batch);
        while (!pending.isEmpty()) {
            BatchWriteItemResponse response = client.batchWriteItem(BatchWriteItemRequest.builder()
                    .requestItems(pending).build());
            pending = response.unprocessedItems();
        }
    }

    private static Map<String, AttributeValue> endedRow(int n, Instant connectedAt) {
        Map<String, AttributeValue> row = new HashMap<>();
        row.put(ChatDetailsTable.CONNECTION_ID, AttributeValue.fromS(String.format("ended%07d=", n)));
        row.put(ChatDetailsTable.DISPLAY_NAME, AttributeValue.fromS("guest-" + n));
        row.put(ChatDetailsTable.CONNECTION_TIME, AttributeValue.fromS(connectedAt.toString()));
        row.put(ChatDetailsTable.DISCONNECT_TIME, AttributeValue.fromS(connectedAt.plusSeconds(60).toString()));
        row.put(ChatDetailsTable.DISCONNECT_REASON, AttributeValue.fromS("closed: reported by the $disconnect route"));
        row.put(ChatDetailsTable.MESSAGE, AttributeValue.fromS("an old message"));
        row.put(ChatDetailsTable.LATEST_MESSAGE_TIME, AttributeValue.fromS(connectedAt.plusSeconds(30).toString()));
        row.put(ChatDetailsTable.EXPIRES_AT, AttributeValue.fromN(Long.toString(connectedAt.plusSeconds(86_400).getEpochSecond())));
        return row;
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            dynalite.close();
        }
    }
}
