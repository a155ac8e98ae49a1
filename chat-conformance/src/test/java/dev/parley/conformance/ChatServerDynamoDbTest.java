package dev.parley.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.adapter.out.dynamodb.ChatDetailsTable;
import dev.parley.chat.adapter.out.dynamodb.ChatTablesSetup;
import dev.parley.chat.server.ChatServer;
import dev.parley.chat.server.ServerOptions;
import dev.parley.dynalite.Dynalite;
import dev.parley.dynalite.DynaliteOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * chat-server with {@code --dynamodb-endpoint}: its connections are rows of the chat details table on a dynalite of
 * the test's own, with the attributes the functions write, read back with a plain DynamoDB client (not the adapters).
 */
class ChatServerDynamoDbTest {

    private static final String TABLE = ChatDetailsTable.DEFAULT_NAME;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<SocketClient> clients = new ArrayList<>();
    private Dynalite dynalite;
    private DynamoDbClient dynamoDb;
    private ChatServer server;

    @BeforeEach
    void startDynaliteAndServer() throws Exception {
        dynalite = Dynalite.start(DynaliteOptions.inMemory());
        dynamoDb = DynamoDbClient.builder()
                .endpointOverride(dynalite.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(ChatTablesSetup.LOCAL_CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        server = startServer();
    }

    @AfterEach
    void stopEverything() {
        clients.forEach(SocketClient::close);
        Optional.ofNullable(server).ifPresent(ChatServer::close);
        dynamoDb.close();
        dynalite.close();
    }

    @Test
    void twoClientsChat_andTheirConnectionsAreRowsOfTheChatDetailsTable_disconnectedOnClose() {
        SocketClient ann = connect("ann");
        SocketClient bob = connect("bob");

        ann.send("{\"action\":\"sendMessage\",\"Message\":\"hello\",\"clientId\":\"c-1\"}");

        assertThat(bob.awaitType("message")).containsEntry("message", "hello").containsEntry("name", "ann");
        assertThat(ann.awaitType("ack")).containsEntry("clientId", "c-1").containsEntry("recipients", 1);
        Map<String, AttributeValue> annsRow = rowOf("ann");
        assertThat(annsRow).containsKeys("connectionId", "ConnectionTime", "Latestmessagetime")
                .containsEntry("Message", AttributeValue.fromS("hello"))
                .doesNotContainKey("DisconnectTime");
        assertThat(rowOf("bob")).containsKey("ConnectionTime").doesNotContainKeys("Message", "DisconnectTime");

        ann.close();

        assertThat(eventually(() -> rowOf("ann").containsKey("DisconnectTime"))).as("ann's row disconnected").isTrue();
        assertThat(rowOf("bob")).doesNotContainKey("DisconnectTime");
    }

    @Test
    void theStateSurvivesARestart_theOldConnectionsMarkedDisconnectedByTheGracefulStop() throws Exception {
        SocketClient ann = connect("ann");
        ann.send("{\"action\":\"join\",\"room\":\"design\"}");
        ann.awaitType("joined");
        ann.send("{\"action\":\"sendMessage\",\"Message\":\"before the restart\",\"room\":\"design\"}");
        ann.awaitType("ack");

        server.close();
        server = null;
        assertThat(rowOf("ann")).containsKey("DisconnectTime");
        server = startServer();
        SocketClient cid = connect("cid");
        cid.send("{\"action\":\"join\",\"room\":\"design\"}");
        cid.awaitType("joined");
        cid.send("{\"action\":\"history\",\"room\":\"design\"}");

        assertThat(cid.awaitType("history").get("messages").toString()).contains("before the restart");
        assertThat(rowOf("cid")).containsKey("ConnectionTime").doesNotContainKey("DisconnectTime");
    }

    /**
     * A killed process closes nothing: its rows stay open. Another process on the table (here a second server, which
     * holds no socket for them, as a restarted one would not) finds them gone on its first delivery to them, and ends
     * them as the functions end a 410, once past their opening time (30 s; the row is moved back two minutes).
     */
    @Test
    void rowsNoProcessHoldsASocketFor_areEndedByTheFirstDeliveryToThem() throws Exception {
        connect("ann");
        String annsId = rowOf("ann").get("connectionId").s();
        dynamoDb.updateItem(request -> request.tableName(TABLE)
                .key(Map.of("connectionId", AttributeValue.fromS(annsId)))
                .updateExpression("SET ConnectionTime = :connectedAt")
                .expressionAttributeValues(Map.of(":connectedAt",
                        AttributeValue.fromS(Instant.now().minus(Duration.ofMinutes(2)).toString()))));
        try (ChatServer other = startServer()) {
            var cid = SocketClient.connect(http, URI.create("ws://127.0.0.1:" + other.port() + "/chat?name=cid"));
            clients.add(cid);

            cid.send("{\"action\":\"sendMessage\",\"Message\":\"anyone?\"}");

            assertThat(cid.awaitType("ack")).containsEntry("recipients", 0);
            assertThat(rowOf("ann")).containsKey("DisconnectTime");
        }
    }

    private ChatServer startServer() throws Exception {
        return ChatServer.start(ServerOptions.parse("--port", "0", "--dynamodb-endpoint", dynalite.endpoint().toString()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private SocketClient connect(String name) {
        var client = SocketClient.connect(http, URI.create("ws://127.0.0.1:" + server.port() + "/chat?name=" + name));
        clients.add(client);
        return client;
    }

    /** The one connection row named {@code name}, read consistently; the limit items beside the rows are left out. */
    private Map<String, AttributeValue> rowOf(String name) {
        List<Map<String, AttributeValue>> rows = dynamoDb.scanPaginator(request -> request.tableName(TABLE)
                        .consistentRead(true)).items().stream()
                .filter(item -> !item.get("connectionId").s().startsWith(ChatDetailsTable.LIMIT_KEY_PREFIX))
                .filter(item -> item.containsKey("DisplayName") && name.equals(item.get("DisplayName").s()))
                .toList();
        assertThat(rows).as("the rows of %s", name).hasSize(1);
        return rows.get(0);
    }

    private static boolean eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + SocketClient.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
