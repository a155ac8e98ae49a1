package dev.parley.chat.adapter.out.dynamodb;

import dev.parley.dynalite.Dynalite;
import dev.parley.dynalite.DynaliteOptions;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * A dynalite on a free loopback port with SDK clients pointed at it, each call counted by operation. Started once
 * per test class; each test makes its own table, so every registry starts empty.
 */
final class LocalDynamoDb implements AutoCloseable {

    private static final Duration TABLE_ACTIVE_TIMEOUT = Duration.ofSeconds(10);
    private static final AtomicInteger TABLES = new AtomicInteger();

    private final Dynalite dynalite;
    private final DynamoDbClient client;
    private final DynamoDbEnhancedClient enhancedClient;
    private final OperationCounter operations = new OperationCounter();

    private LocalDynamoDb(Dynalite dynalite) {
        this.dynalite = dynalite;
        this.client = DynamoDbClient.builder()
                .endpointOverride(dynalite.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(ChatTablesSetup.LOCAL_CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.builder().build())
                .overrideConfiguration(config -> config.addExecutionInterceptor(operations))
                .build();
        this.enhancedClient = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
    }

    URI endpoint() {
        return dynalite.endpoint();
    }

    static LocalDynamoDb start() {
        return new LocalDynamoDb(Dynalite.start(DynaliteOptions.inMemory()));
    }

    /** A new, empty chat details table, ready for use. */
    String createChatDetailsTable() {
        return createTable(ChatDetailsTable.createTableRequest(ChatDetailsTable.DEFAULT_NAME + "-" + TABLES.incrementAndGet()));
    }

    /** A new, empty chat rooms table, ready for use. */
    String createChatRoomsTable() {
        return createTable(ChatRoomsTable.createTableRequest(ChatRoomsTable.DEFAULT_NAME + "-" + TABLES.incrementAndGet()));
    }

    /** A new, empty chat history table, ready for use. */
    String createChatHistoryTable() {
        return createTable(
                ChatHistoryTable.createTableRequest(ChatHistoryTable.DEFAULT_NAME + "-" + TABLES.incrementAndGet()));
    }

    private String createTable(CreateTableRequest definition) {
        String name = definition.tableName();
        client.createTable(definition);
        Instant deadline = Instant.now().plus(TABLE_ACTIVE_TIMEOUT);
        while (client.describeTable(request -> request.tableName(name)).table().tableStatus() != TableStatus.ACTIVE) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("table " + name + " not ACTIVE after " + TABLE_ACTIVE_TIMEOUT);
            }
            Thread.onSpinWait();
        }
        return name;
    }

    DynamoDbConnectionRegistry registry(DynamoDbRegistrySettings settings) {
        return new DynamoDbConnectionRegistry(enhancedClient, client, settings);
    }

    DynamoDbRoomRegistry roomRegistry(DynamoDbRoomRegistrySettings settings, Clock clock) {
        return new DynamoDbRoomRegistry(client, settings, clock);
    }

    DynamoDbClient client() {
        return client;
    }

    OperationCounter operations() {
        return operations;
    }

    @Override
    public void close() {
        client.close();
        dynalite.close();
    }
}
