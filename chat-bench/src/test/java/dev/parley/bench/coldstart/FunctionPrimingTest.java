package dev.parley.bench.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.bench.DynaliteChatDetailsTable;
import dev.parley.chat.adapter.in.lambda.PrimedFunction;
import dev.parley.chat.adapter.out.dynamodb.ChatHistoryTable;
import dev.parley.chat.adapter.out.dynamodb.ChatRoomsTable;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbBroadcastRecords;
import dev.parley.chat.domain.model.Broadcast;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.Member;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.wiring.ChatComponent;
import dev.parley.chat.wiring.ChatConfiguration;
import dev.parley.chat.wiring.SnapStartPriming;
import dev.parley.local.gateway.LocalGateway;
import dev.parley.local.gateway.RouteTable;
import dev.parley.local.gateway.VirtualConnections;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Each function's SnapStart priming against dynalite and a loopback {@code @connections}, with the real component:
 * it changes no item of any table and posts only to the connection that never exists, and makes exactly the AWS calls it declares ({@link PrimedFunction#calls()},
 * which deploy's tests hold against the function's role).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class FunctionPrimingTest {

    private static final List<String> MEMBERS = List.of("primeMember0001=", "primeMember0002=");
    private static DynaliteChatDetailsTable table;
    private static final String STAGE = "/production";
    private static LocalGateway gateway;
    private static HttpServer connections;
    /** The paths of the POSTs {@link #connections} answered. */
    private static final List<String> POSTS = new CopyOnWriteArrayList<>();
    private static Map<String, String> environment;

    @BeforeAll
    static void startTablesAndConnections() throws IOException {
        table = DynaliteChatDetailsTable.start("chatDetails");
        var rooms = table.createRoomsTable(ChatRoomsTable.DEFAULT_NAME, 0, Clock.systemUTC());
        table.createHistoryTable(ChatHistoryTable.DEFAULT_NAME);
        // What a wrong priming could reach: members in the lobby, and a queued broadcast.
        for (String id : MEMBERS) {
            var connection = new Connection(new ConnectionId(id), new DisplayName("guest"), Instant.now());
            table.registry().register(connection);
            rooms.join(RoomName.LOBBY, Member.of(connection), RoomLimit.DEFAULT);
        }
        new DynamoDbBroadcastRecords(table.client(), ChatHistoryTable.DEFAULT_NAME).create(new Broadcast(
                MessageId.random(), new MessageText("queued"), Instant.now(), Optional.empty(), Optional.empty()));
        gateway = LocalGateway.builder().routes(urls -> RouteTable.builder().build())
                .virtualConnections(VirtualConnections.of(MEMBERS)).console(line -> { }).start();
        // Parley's @connections client is its own, not an SDK client (ADR 0012): its posts are recorded here, each
        // answered 410 as API Gateway answers a connection that is gone.
        connections = startConnections();
        var functionEnvironment = new HashMap<>(ColdStartBenchmark.functionEnvironment(table, gateway));
        functionEnvironment.put("WEBSOCKET_CALLBACK_URL", "http://" + InetAddress.getLoopbackAddress().getHostAddress()
                + ":" + connections.getAddress().getPort() + STAGE);
        environment = Map.copyOf(functionEnvironment);
    }

    private static HttpServer startConnections() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(STAGE + "/@connections/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                POSTS.add(exchange.getRequestURI().getPath());
                exchange.getResponseHeaders().add("x-amzn-ErrorType", "GoneException");
                exchange.sendResponseHeaders(410, -1);
            }
        });
        server.start();
        return server;
    }

    @AfterAll
    static void stop() {
        if (connections != null) {
            connections.stop(0);
        }
        if (gateway != null) {
            gateway.close();
        }
        if (table != null) {
            table.close();
        }
    }

    @ParameterizedTest
    @EnumSource(PrimedFunction.class)
    void givenEachFunction_beforeCheckpoint_changesAndSendsNothingAndMakesOnlyTheCallsItDeclares(PrimedFunction function) {
        ChatComponent component = ChatComponent.create(ChatConfiguration.fromEnvironment(environment),
                DynaliteChatDetailsTable.CREDENTIALS);
        var hook = SnapStartPriming.Hook.of(function, component, DynaliteChatDetailsTable.CREDENTIALS);
        Map<String, Set<Map<String, AttributeValue>>> before = everyItem();

        POSTS.clear();
        RecordedCalls.start();
        assertThat(hook.rehearse()).as("the rehearsal on in-memory adapters answered as in production").isTrue();
        hook.makeCalls();
        List<RecordedCalls.Call> calls = RecordedCalls.stop();

        assertThat(everyItem()).as("every table's items").isEqualTo(before);
        assertThat(POSTS).as("posts to @connections").allSatisfy(path -> assertThat(path)
                .isEqualTo(STAGE + "/@connections/" + SnapStartPriming.NEVER_CONNECTED.value()));
        Set<SnapStartPriming.Call> made = calls.stream().map(FunctionPrimingTest::declared)
                .collect(Collectors.toCollection(HashSet::new));
        if (!POSTS.isEmpty()) {
            made.add(new SnapStartPriming.Call(SnapStartPriming.Target.CONNECTIONS, "PostToConnection"));
        }
        assertThat(made).as("the calls made, as declared").isEqualTo(function.calls());
    }

    /** A recorded call as a priming declares it; fails on a table or service no priming may touch. */
    private static SnapStartPriming.Call declared(RecordedCalls.Call call) {
        SnapStartPriming.Target target = switch (call.service() + " " + call.table()) {
            case "DynamoDb chatDetails" -> SnapStartPriming.Target.CHAT_DETAILS;
            case "DynamoDb " + ChatRoomsTable.DEFAULT_NAME -> SnapStartPriming.Target.CHAT_ROOMS;
            case "DynamoDb " + ChatHistoryTable.DEFAULT_NAME -> SnapStartPriming.Target.CHAT_HISTORY;
            default -> throw new AssertionError("the priming called " + call);
        };
        return new SnapStartPriming.Call(target, call.operation());
    }

    private static Map<String, Set<Map<String, AttributeValue>>> everyItem() {
        return List.of(table.tableName(), ChatRoomsTable.DEFAULT_NAME, ChatHistoryTable.DEFAULT_NAME).stream()
                .collect(Collectors.toMap(name -> name, name -> {
                    Set<Map<String, AttributeValue>> items = new HashSet<>();
                    table.client().scanPaginator(request -> request.tableName(name).consistentRead(true))
                            .items().forEach(items::add);
                    return items;
                }));
    }
}
