package dev.parley.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbRegistrySettings;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.port.in.ConnectCommand;
import dev.parley.chat.wiring.ChatComponent;
import dev.parley.chat.wiring.ChatConfiguration;
import dev.parley.local.gateway.TestClient;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * All of Parley on the local gateway, with real WebSocket clients, on a dynalite the test starts. The table is
 * checked with a plain DynamoDB client, not through the adapter the handlers use.
 */
class ParleyLocalEndToEndTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicInteger TABLES = new AtomicInteger();

    private static LocalDynamoDb dynalite;
    private static DynamoDbClient dynamoDb;

    private final List<AutoCloseable> started = new ArrayList<>();
    private String table;

    @BeforeAll
    static void startDynalite() {
        dynalite = LocalDynamoDb.start();
        dynamoDb = dynalite.client();
    }

    @AfterAll
    static void stopDynalite() {
        dynalite.close();
    }

    @AfterEach
    void stopParley() throws Exception {
        for (AutoCloseable closeable : started) {
            closeable.close();
        }
    }

    @Test
    void givenThreeClients_chatDirectMessageAndBroadcast_reachTheRightClientsAndTheTable() throws Exception {
        ParleyLocal parley = start();
        TestClient ann = connect(parley, "Ann");
        TestClient bob = connect(parley, "Bob");
        TestClient cid = connect(parley, "Cid");
        Map<String, String> ids = connectionIdsByName();
        assertThat(ids).containsOnlyKeys("Ann", "Bob", "Cid");

        ann.send("{\"action\":\"sendMessage\",\"Message\":\"hi all\"}");
        assertThat(json(ann.next())).containsEntry("type", "ack").containsEntry("recipients", 2);
        for (TestClient other : List.of(bob, cid)) {
            assertThat(json(other.next())).containsEntry("type", "message").containsEntry("from", ids.get("Ann"))
                    .containsEntry("name", "Ann").containsEntry("message", "hi all").containsEntry("direct", false);
        }

        bob.send("{\"action\":\"sendMessage\",\"Message\":\"just you\",\"to\":\"" + ids.get("Ann") + "\"}");
        assertThat(json(bob.next())).containsEntry("type", "ack").containsEntry("recipients", 1);
        assertThat(json(ann.next())).containsEntry("type", "message").containsEntry("from", ids.get("Bob"))
                .containsEntry("message", "just you").containsEntry("direct", true);

        HttpResponse<String> report = broadcast(parley, "Maintenance at noon");
        assertThat(report.statusCode()).isEqualTo(200);
        // chat-local's own pages' origin, never *
        assertThat(report.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("http://" + parley.gateway().urls().authority());
        assertThat(json(report.body())).containsEntry("attempted", 3).containsEntry("delivered", 3)
                .containsEntry("gone", 0).containsEntry("failed", 0);
        for (TestClient client : List.of(ann, bob, cid)) {
            assertThat(json(client.next())).containsEntry("type", "broadcast").containsEntry("message", "Maintenance at noon");
        }

        cid.close();
        awaitAttribute(ids.get("Cid"), "DisconnectTime");

        Map<String, AttributeValue> annRow = row(ids.get("Ann"));
        assertThat(Instant.parse(annRow.get("ConnectionTime").s())).isBefore(Instant.now());
        assertThat(annRow.get("Message").s()).isEqualTo("hi all");
        assertThat(Instant.parse(annRow.get("Latestmessagetime").s())).isAfter(Instant.parse(annRow.get("ConnectionTime").s()));
        assertThat(annRow).doesNotContainKey("DisconnectTime");
        assertThat(row(ids.get("Bob")).get("Message").s()).isEqualTo("just you");
        assertThat(row(ids.get("Cid"))).doesNotContainKey("Message");
        for (String id : ids.values()) {
            Map<String, AttributeValue> item = row(id);
            assertThat(item.get("BroadcastMessage").s()).isEqualTo("Maintenance at noon");
            assertThat(Instant.parse(item.get("LatestBroadcasttime").s())).isBefore(Instant.now());
        }
        Map<String, AttributeValue> cidRow = row(ids.get("Cid"));
        assertThat(Instant.parse(cidRow.get("DisconnectTime").s())).isAfter(Instant.parse(cidRow.get("LatestBroadcasttime").s()));
    }

    @Test
    void givenConnectionWhoseClientVanishedWithoutDisconnect_broadcast_meets410MarksItAndReachesEveryLiveClient() throws Exception {
        ParleyLocal parley = start();
        TestClient ann = connect(parley, "Ann");
        TestClient bob = connect(parley, "Bob");
        // Registered as $connect registers, but no socket behind it, and no $disconnect will ever come. The table is
        // this test's own, so a fixed id in API Gateway's shape cannot meet a real connection's.
        String ghost = "GhostConnection=";
        ChatComponent.create(new ChatConfiguration(table, "us-east-1", Optional.of(dynalite.endpoint()),
                        parley.gateway().urls().callback(), "*", DynamoDbRegistrySettings.DEFAULT_RETENTION,
                        DynamoDbRegistrySettings.DEFAULT_ACTIVE_SHARDS), ParleyLocal.LOCAL_CREDENTIALS)
                .connectUseCase().connect(new ConnectCommand(new ConnectionId(ghost), Optional.of("Ghost")));
        // Long open, or the 410 might only mean its $connect is not over yet.
        new ChatRows(dynamoDb, table).backdate(ghost);

        HttpResponse<String> report = broadcast(parley, "still here?");

        assertThat(json(report.body())).containsEntry("attempted", 3).containsEntry("delivered", 2).containsEntry("gone", 1);
        assertThat(json(ann.next())).containsEntry("message", "still here?");
        assertThat(json(bob.next())).containsEntry("message", "still here?");
        Map<String, AttributeValue> ghostRow = row(ghost);
        assertThat(ghostRow).containsKey("DisconnectTime").doesNotContainKey("BroadcastMessage");
        assertThat(ghostRow.get("DisconnectReason").s()).contains("410");
        assertThat(parley.gateway().callbackCounts().gone()).isEqualTo(1);

        assertThat(json(broadcast(parley, "again").body())).containsEntry("attempted", 2).containsEntry("gone", 0);
    }

    @Test
    void givenClientsConnectingAtOnceWhileMessagesFlow_everyOne_staysConnected() throws Exception {
        ParleyLocal parley = start();
        TestClient ann = connect(parley, "Ann");
        int arriving = 10;
        ExecutorService threads = Executors.newFixedThreadPool(arriving);
        try {
            // Each arrival is announced to the lobby, and Ann's messages go to everyone: both meet connections whose
            // $connect is not over yet, which the gateway answers 410 as it does a vanished one.
            List<Future<TestClient>> connecting = IntStream.range(0, arriving)
                    .mapToObj(i -> threads.submit(() -> connect(parley, "Arriving" + i))).toList();
            for (int i = 0; i < 5; i++) {
                ann.send(ParleyCalls.sendMessage("welcome " + i, "a" + i));
            }
            List<TestClient> arrived = new ArrayList<>();
            for (Future<TestClient> client : connecting) {
                arrived.add(client.get(20, TimeUnit.SECONDS));
            }
            started.addAll(arrived.stream().<AutoCloseable>map(client -> client::abort).toList());
            for (int i = 0; i < 5; i++) {
                assertThat(awaitAnswer(ann, "a" + i)).containsEntry("type", "ack");
            }

            for (int i = 0; i < arriving; i++) {
                arrived.get(i).send(ParleyCalls.sendMessage("hello", "c" + i));
                assertThat(awaitAnswer(arrived.get(i), "c" + i)).as("Arriving" + i + "'s answer")
                        .containsEntry("type", "ack");
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(connectionIdsByName()).hasSize(arriving + 1).allSatisfy((name, id) ->
                assertThat(row(id)).as(name).containsKey("ActiveShard").doesNotContainKey("DisconnectTime"));
    }

    /** The answer to the frame sent with {@code clientId}, past the messages of the others. */
    private static Map<String, Object> awaitAnswer(TestClient client, String clientId) throws IOException {
        while (true) {
            Map<String, Object> frame = json(client.next());
            if (clientId.equals(frame.get("clientId")) || "error".equals(frame.get("type"))) {
                return frame;
            }
        }
    }

    @Test
    void givenIdleTimeoutInSeconds_silentClient_isClosedWith1001AndItsDisconnectRecorded() throws Exception {
        ParleyLocal parley = start("--idle-timeout", "1");
        TestClient ann = connect(parley, "Ann");
        String id = connectionIdsByName().get("Ann");

        assertThat(ann.awaitClose()).isEqualTo(new TestClient.Closure(1001, "Going away"));
        awaitAttribute(id, "DisconnectTime");
    }

    @Test
    void givenConnectFailingForAMissingTable_handshake_isRefusedWith500() throws Exception {
        ParleyLocal parley = start();
        dynamoDb.deleteTable(request -> request.tableName(table));

        assertThatThrownBy(() -> TestClient.attempt(parley.gateway().urls().webSocket()).join())
                .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        refused -> assertThat(refused.getResponse().statusCode()).isEqualTo(500));
    }

    private ParleyLocal start(String... extraOptions) {
        table = "chatDetails-e2e-" + TABLES.incrementAndGet();
        List<String> args = new ArrayList<>(List.of("--port", "0", "--dynamodb-endpoint", dynalite.endpoint().toString(),
                "--table", table));
        args.addAll(List.of(extraOptions));
        ParleyLocal parley = ParleyLocal.start(LocalOptions.parse(args.toArray(String[]::new)));
        started.add(parley);
        return parley;
    }

    private static TestClient connect(ParleyLocal parley, String name) {
        return ParleyCalls.connect(parley.gateway().urls(), name);
    }

    private static HttpResponse<String> broadcast(ParleyLocal parley, String message) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(parley.gateway().urls().rest("broadcastmessage"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"" + message + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, String> connectionIdsByName() {
        Map<String, String> ids = new HashMap<>();
        new ChatRows(dynamoDb, table).all()
                .forEach(item -> ids.put(item.get("DisplayName").s(), item.get("connectionId").s()));
        return ids;
    }

    private Map<String, AttributeValue> row(String connectionId) {
        return dynamoDb.getItem(request -> request.tableName(table).consistentRead(true)
                .key(Map.of("connectionId", AttributeValue.fromS(connectionId)))).item();
    }

    /** $disconnect runs after the close: waits until its write shows. */
    private void awaitAttribute(String connectionId, String attribute) throws InterruptedException {
        Instant deadline = Instant.now().plus(TestClient.WAIT);
        while (!row(connectionId).containsKey(attribute) && Instant.now().isBefore(deadline)) {
            Thread.sleep(Duration.ofMillis(50).toMillis());
        }
        assertThat(row(connectionId)).containsKey(attribute);
    }

    private static Map<String, Object> json(String text) throws IOException {
        return JSON.std.mapFrom(text);
    }
}
