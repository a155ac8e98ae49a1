package dev.parley.chat.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.PostedText;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.port.out.AbstractConnectionRegistryTest;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** The registry contract on a real dynalite, with pages small enough that listing needs several per shard. */
class DynamoDbConnectionRegistryTest extends AbstractConnectionRegistryTest {

    private static final int SHARDS = 4;
    private static final int PAGE_SIZE = 3;
    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30.123Z");

    private static LocalDynamoDb dynamoDb;

    private DynamoDbRegistrySettings settings;
    private DynamoDbConnectionRegistry registry;

    @BeforeAll
    static void startDynalite() {
        dynamoDb = LocalDynamoDb.start();
    }

    @AfterAll
    static void stopDynalite() {
        dynamoDb.close();
    }

    @Override
    protected ConnectionRegistry createEmptyRegistry() {
        settings = new DynamoDbRegistrySettings(dynamoDb.createChatDetailsTable(), SHARDS, PAGE_SIZE, Duration.ofDays(30));
        registry = dynamoDb.registry(settings);
        dynamoDb.operations().reset();
        return registry;
    }

    @AfterEach
    void neverScanned() {
        assertThat(dynamoDb.operations().count("Scan")).as("Scan calls").isZero();
    }

    @Test
    void givenSeveralPagesPerShard_activeConnections_queriesEveryPageOfEveryShard() {
        List<Connection> connections = register(30);
        dynamoDb.operations().reset();

        List<Connection> listed = registry.activeConnections().toList();

        assertThat(listed).containsExactlyInAnyOrderElementsOf(connections);
        Map<String, Long> perShard = connections.stream()
                .collect(Collectors.groupingBy(c -> settings.shardOf(c.id()), Collectors.counting()));
        // Every shard is queried even when empty; a full last page is followed by one more, empty, page.
        int fewestPages = settings.shards()
                .mapToInt(shard -> (int) Math.max(1, ceilDiv(perShard.getOrDefault(shard, 0L), PAGE_SIZE))).sum();
        int mostPages = settings.shards()
                .mapToInt(shard -> (int) (perShard.getOrDefault(shard, 0L) / PAGE_SIZE + 1)).sum();
        assertThat(dynamoDb.operations().count("Query")).isBetween(fewestPages, mostPages)
                .isGreaterThanOrEqualTo(2 * SHARDS);
    }

    @Test
    void givenSeveralPages_activeConnections_queriesTheNextPageOnlyWhenItIsNeeded() {
        register(30);
        dynamoDb.operations().reset();

        Iterator<Connection> listing = registry.activeConnections().iterator();
        listing.next();
        int queriesForTheFirst = dynamoDb.operations().count("Query");
        listing.forEachRemaining(connection -> { });

        assertThat(queriesForTheFirst).isEqualTo(1);
        assertThat(dynamoDb.operations().count("Query")).isGreaterThan(SHARDS);
    }

    @Test
    void givenConnectionsOfManyUsers_activeConnectionsOf_queriesOnlyTheActiveUsersIndexForTheUser() {
        register(30);
        UserId ada = new UserId("auth0|ada");
        List<Connection> adas = IntStream.range(0, 2)
                .mapToObj(i -> new Connection(new ConnectionId("ada" + i + "="), new DisplayName("Ada"), NOW,
                        Optional.of(ada)))
                .toList();
        adas.forEach(registry::register);
        dynamoDb.operations().reset();

        List<Connection> listed = registry.activeConnectionsOf(ada).toList();

        assertThat(listed).containsExactlyInAnyOrderElementsOf(adas);
        assertThat(dynamoDb.operations().requests(QueryRequest.class)).singleElement().satisfies(query -> {
            assertThat(query.indexName()).isEqualTo(ChatDetailsTable.ACTIVE_USERS_INDEX);
            assertThat(query.keyConditionExpression()).doesNotContain("ActiveShard");
        });
    }

    @Test
    void givenManyReachedConnections_recordBroadcast_marksEachAndCreatesNoneForStrangers() {
        List<Connection> reached = register(40);
        List<ConnectionId> recipients = new ArrayList<>(reached.stream().map(Connection::id).toList());
        List<ConnectionId> strangers = IntStream.range(0, 5).mapToObj(i -> new ConnectionId("stranger" + i + "=")).toList();
        recipients.addAll(strangers);
        PostedText broadcast = new PostedText(new MessageText("maintenance at noon"), NOW.plusSeconds(5));

        registry.recordBroadcast(recipients, broadcast);

        assertThat(reached).allSatisfy(connection ->
                assertThat(registry.find(connection.id()).orElseThrow().latestBroadcast()).contains(broadcast));
        assertThat(strangers).allSatisfy(stranger -> assertThat(registry.find(stranger)).isEmpty());
        assertThat(dynamoDb.operations().count("UpdateItem")).isEqualTo(recipients.size());
    }

    @Test
    void givenRegisteredSender_recordMessage_writesTheMessageInOneUpdateItem() {
        Connection sender = register(1).get(0);
        dynamoDb.operations().reset();

        registry.recordMessage(sender.id(), new PostedText(new MessageText("hi"), NOW));

        assertThat(dynamoDb.operations().count("UpdateItem")).isOne();
        assertThat(dynamoDb.operations().count("GetItem") + dynamoDb.operations().count("PutItem")).isZero();
    }

    @Test
    void givenMissingTable_recordBroadcast_throwsDynamoDbsErrorOnceEveryWriteEnded() {
        DynamoDbConnectionRegistry withoutTable = dynamoDb.registry(DynamoDbRegistrySettings.defaults("noSuchTable"));
        List<ConnectionId> reached = IntStream.range(0, 20).mapToObj(i -> new ConnectionId("reached" + i + "=")).toList();

        assertThatThrownBy(() -> withoutTable.recordBroadcast(reached, new PostedText(new MessageText("hi"), NOW)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(dynamoDb.operations().count("UpdateItem")).isEqualTo(reached.size());
    }

    private List<Connection> register(int count) {
        List<Connection> connections = IntStream.range(0, count)
                .mapToObj(i -> new Connection(new ConnectionId("conn" + i + "="),
                        new DisplayName("user-" + i), NOW))
                .toList();
        connections.forEach(registry::register);
        return connections;
    }

    private static long ceilDiv(long dividend, long divisor) {
        return (dividend + divisor - 1) / divisor;
    }
}
