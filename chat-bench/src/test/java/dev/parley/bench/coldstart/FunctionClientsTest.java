package dev.parley.bench.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.bench.DynaliteChatDetailsTable;
import dev.parley.bench.coldstart.probe.FirstEvent;
import dev.parley.chat.adapter.out.dynamodb.ChatHistoryTable;
import dev.parley.chat.adapter.out.dynamodb.ChatRoomsTable;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbRoomRegistry;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.Member;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.local.gateway.LocalGateway;
import dev.parley.local.gateway.RouteTable;
import dev.parley.local.gateway.VirtualConnections;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Goal 2 of issue 15, each function builds only what its handler needs: each function's handler is constructed through
 * its public no-arg constructor in a fresh JVM, with the environment Lambda sets, and answers its first event against
 * dynalite and chat-local's {@code @connections}; the JVM's {@code -Xlog:class+load} then shows which clients were
 * built. The {@code @connections} client is Parley's {@code SignedConnectionsClient} on the CRT's asynchronous HTTP
 * client; DynamoDB's is the SDK's {@code DefaultDynamoDbClient}. The order matters: the lobby is empty until the
 * crowded cases.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FunctionClientsTest {

    private static final String CONNECTIONS_CLIENT = "dev.parley.chat.adapter.out.apigateway.SignedConnectionsClient";
    private static final String CRT_ASYNC_HTTP = "software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient";
    private static final String DYNAMODB_CLIENT = "software.amazon.awssdk.services.dynamodb.DefaultDynamoDbClient";
    private static final Set<String> ALL_CLIENTS = Set.of(DYNAMODB_CLIENT, CONNECTIONS_CLIENT, CRT_ASYNC_HTTP);
    private static final String CLASS_LOAD_TAG = "[class,load] ";
    private static final String LONELY = "coldLonely001=";
    private static final String OTHER = "coldOther0001=";
    private static final String NEWCOMER = "coldNewcomer1=";

    @TempDir
    Path logs;

    private DynaliteChatDetailsTable table;
    private DynamoDbRoomRegistry rooms;
    private LocalGateway gateway;
    private ProbeLauncher launcher;

    @BeforeAll
    void startDynaliteAndTheGateway() {
        table = DynaliteChatDetailsTable.start("chatDetails");
        rooms = table.createRoomsTable(ChatRoomsTable.DEFAULT_NAME, 0, Clock.systemUTC());
        table.createHistoryTable(ChatHistoryTable.DEFAULT_NAME);
        gateway = LocalGateway.builder()
                .routes(urls -> RouteTable.builder().build())
                .virtualConnections(VirtualConnections.of(List.of(LONELY, OTHER, NEWCOMER)))
                .console(line -> { })
                .start();
        launcher = new ProbeLauncher(false, List.of(), ColdStartBenchmark.functionEnvironment(table, gateway));
    }

    @AfterAll
    void stop() {
        gateway.close();
        table.close();
    }

    @Test
    @Order(1)
    void connect_toALobbyWithNoOtherMember_buildsDynamoDbOnly() throws Exception {
        assertThat(clientsBuiltBy(FirstEvent.CONNECT, LONELY, 200)).containsOnly(DYNAMODB_CLIENT);
    }

    @Test
    @Order(2)
    void defaultRoute_ping_buildsNoConnectionsClient() throws Exception {
        // issue 14: every frame is charged against the sender's rate, in DynamoDB
        assertThat(clientsBuiltBy(FirstEvent.DEFAULT, LONELY, 200, "pong")).containsOnly(DYNAMODB_CLIENT);
    }

    @Test
    @Order(3)
    void members_buildsNoConnectionsClient() throws Exception {
        assertThat(clientsBuiltBy(FirstEvent.MEMBERS, LONELY, 200, LONELY)).containsOnly(DYNAMODB_CLIENT);
    }

    @Test
    @Order(4)
    void joinThenLeave_aRoomWithNoOtherMember_buildNoConnectionsClient() throws Exception {
        assertThat(clientsBuiltBy(FirstEvent.JOIN, LONELY, 200, FirstEvent.ROOM)).containsOnly(DYNAMODB_CLIENT);
        assertThat(clientsBuiltBy(FirstEvent.LEAVE, LONELY, 200, FirstEvent.ROOM)).containsOnly(DYNAMODB_CLIENT);
    }

    @Test
    @Order(5)
    void broadcastStatus_ofNoBroadcast_buildsNoConnectionsClient() throws Exception {
        assertThat(clientsBuiltBy(FirstEvent.BROADCAST_STATUS, LONELY, 404, FirstEvent.NO_BROADCAST))
                .containsOnly(DYNAMODB_CLIENT);
    }

    @Test
    @Order(6)
    void disconnect_lastMemberOfTheLobby_buildsNoConnectionsClient() throws Exception {
        assertThat(clientsBuiltBy(FirstEvent.DISCONNECT, LONELY, 200)).containsOnly(DYNAMODB_CLIENT);
    }

    @Test
    @Order(7)
    void bothAuthorizers_buildNoAwsClientAtAll() throws Exception {
        for (FirstEvent authorizer : List.of(FirstEvent.AUTHORIZER, FirstEvent.BROADCAST_AUTHORIZER)) {
            Set<String> loaded = loadedBy(authorizer, LONELY, 200, "Effect=Allow");

            assertThat(loaded).as(authorizer.name()).isNotEmpty()
                    .noneMatch(name -> name.startsWith("software.amazon.awssdk.services."))
                    .noneMatch(name -> name.startsWith("software.amazon.awssdk.http."))
                    .noneMatch(name -> name.startsWith("software.amazon.awssdk.core.client."));
        }
    }

    /** The other side: with someone to tell, the same functions do build the client, so the log shows it. */
    @Test
    @Order(8)
    void connect_toALobbyWithAnotherMember_buildsTheConnectionsClientToAnnounceIt() throws Exception {
        var other = new Connection(new ConnectionId(OTHER), new DisplayName("Bea"), Instant.now());
        table.registry().register(other);
        rooms.join(RoomName.LOBBY, Member.of(other), RoomLimit.DEFAULT);

        assertThat(clientsBuiltBy(FirstEvent.CONNECT, NEWCOMER, 200)).isEqualTo(ALL_CLIENTS);
    }

    @Test
    @Order(9)
    void sendMessageHistoryAndBroadcast_toTheLobby_buildTheConnectionsClient() throws Exception {
        assertThat(clientsBuiltBy(FirstEvent.SEND_MESSAGE, NEWCOMER, 200, "\"type\":\"ack\""))
                .isEqualTo(ALL_CLIENTS);
        assertThat(clientsBuiltBy(FirstEvent.HISTORY, NEWCOMER, 200)).isEqualTo(ALL_CLIENTS);
        assertThat(clientsBuiltBy(FirstEvent.BROADCAST, NEWCOMER, 200, "\"delivered\":2")).isEqualTo(ALL_CLIENTS);
    }

    /** The clients built by {@code function}'s fresh JVM while answering its first event from {@code sender}. */
    private Set<String> clientsBuiltBy(FirstEvent function, String sender, int status, String... bodyContains)
            throws IOException, InterruptedException {
        Set<String> loaded = loadedBy(function, sender, status, bodyContains);
        return ALL_CLIENTS.stream().filter(loaded::contains).collect(Collectors.toSet());
    }

    /** The classes {@code function}'s fresh JVM loaded while answering its first event from {@code sender}. */
    private Set<String> loadedBy(FirstEvent function, String sender, int status, String... bodyContains)
            throws IOException, InterruptedException {
        Path log = logs.resolve(function.name() + "-" + sender.replace("=", "") + ".log");
        ProbeRun run = launcher.probe(new ProbedFunction(function.name(), function.handlerClass(),
                        ProbeClasspath.ofThisJvm(), status, List.of(bodyContains), List.of(), sender),
                JvmSetting.named("default"), List.of("-Xlog:class+load=info:file=" + log));
        assertThat(run.answered()).as(function + ": " + run.failure()).isTrue();
        try (var lines = Files.lines(log)) {
            // [0.012s][info][class,load] java.lang.Object source: shared objects file
            return lines.filter(line -> line.contains(CLASS_LOAD_TAG))
                    .map(line -> line.substring(line.indexOf(CLASS_LOAD_TAG) + CLASS_LOAD_TAG.length()))
                    .map(entry -> entry.split(" ", 2)[0])
                    .collect(Collectors.toSet());
        }
    }
}
