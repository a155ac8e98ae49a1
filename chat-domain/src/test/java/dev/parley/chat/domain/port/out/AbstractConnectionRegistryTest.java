package dev.parley.chat.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.ConnectionRecord;
import dev.parley.chat.domain.model.DisconnectReason;
import dev.parley.chat.domain.model.Disconnection;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.PostedText;
import dev.parley.chat.domain.model.RoomAccess;
import dev.parley.chat.domain.model.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ConnectionRegistry} adapter must have. Each adapter's test extends this class and
 * supplies a fresh, empty registry. Where a rule of {@link ConnectionRecord} decides a change, the test expects the
 * registry to store exactly what the record's method returns, so every adapter is proven to persist the domain's rule.
 */
public abstract class AbstractConnectionRegistryTest {

    private static final Instant CONNECTED_AT = Instant.parse("2026-11-25T10:15:30.123Z");

    private ConnectionRegistry registry;

    /** A registry with no connections in it. */
    protected abstract ConnectionRegistry createEmptyRegistry();

    /** How many active connections it takes to need several pages of reads in this adapter. */
    protected int connectionsSpanningSeveralPages() {
        return 50;
    }

    @BeforeEach
    void createRegistry() {
        registry = createEmptyRegistry();
    }

    @Test
    void givenNewConnection_register_isFoundActiveWithItsNameAndTime() {
        Connection alice = connection("Alice");

        registry.register(alice);

        assertThat(registry.findActive(alice.id())).contains(alice);
        assertThat(registry.find(alice.id())).hasValueSatisfying(record -> {
            assertThat(record.connection()).isEqualTo(alice);
            assertThat(record.isActive()).isTrue();
            assertThat(record.latestMessage()).isEmpty();
            assertThat(record.latestBroadcast()).isEmpty();
        });
        assertThat(registry.find(alice.id())).contains(ConnectionRecord.registered(alice));
        assertThat(registry.activeConnections()).containsExactly(alice);
    }

    @Test
    void givenConnectionOfAnAuthorizedUser_register_keepsTheUserIdEverywhereItIsRead() {
        Connection anonymous = connection("Anon");
        Connection alice = new Connection(newId(), new DisplayName("Alice"), CONNECTED_AT,
                Optional.of(new UserId("auth0|5f7c8ec7 Zoë \uD83D\uDE00")));

        registry.register(anonymous);
        registry.register(alice);

        assertThat(registry.find(alice.id())).hasValueSatisfying(record -> assertThat(record.connection()).isEqualTo(alice));
        assertThat(registry.findActive(alice.id())).contains(alice);
        assertThat(registry.findActive(anonymous.id())).hasValueSatisfying(found -> assertThat(found.userId()).isEmpty());
        assertThat(registry.activeConnections()).containsExactlyInAnyOrder(anonymous, alice);
    }

    @Test
    void givenConnectionAdmittedToSomeRooms_register_keepsItsRoomAccessEverywhereItIsRead() {
        Connection admitted = new Connection(newId(), new DisplayName("Alice"), CONNECTED_AT,
                Optional.of(new UserId("auth0|alice")), RoomAccess.only(List.of("team-*", "general", "*")));
        Connection noRooms = new Connection(newId(), new DisplayName("Bob"), CONNECTED_AT, Optional.empty(),
                RoomAccess.only(List.of()));

        registry.register(admitted);
        registry.register(noRooms);

        assertThat(registry.find(admitted.id())).hasValueSatisfying(record -> assertThat(record.connection()).isEqualTo(admitted));
        assertThat(registry.findActive(noRooms.id())).contains(noRooms);
        assertThat(registry.activeConnections()).containsExactlyInAnyOrder(admitted, noRooms);
    }

    @Test
    void givenConnectionsOfSeveralUsers_activeConnectionsOf_listsEachActiveOneOfThatUserOnly() {
        UserId ada = new UserId("auth0|ada");
        Connection firstTab = connectionOf("Ada", ada);
        Connection secondTab = connectionOf("Ada", ada);
        Connection closedTab = connectionOf("Ada", ada);
        Connection bob = connectionOf("Bob", new UserId("auth0|bob"));
        Connection anonymous = connection("Ada");
        List.of(firstTab, secondTab, closedTab, bob, anonymous).forEach(registry::register);
        registry.markDisconnected(closedTab.id(), new Disconnection(CONNECTED_AT.plusSeconds(1), DisconnectReason.gone()));

        assertThat(registry.activeConnectionsOf(ada)).containsExactlyInAnyOrder(firstTab, secondTab);
        assertThat(registry.activeConnectionsOf(bob.userId().orElseThrow())).containsExactly(bob);
        assertThat(registry.activeConnectionsOf(new UserId("auth0|nobody"))).isEmpty();
    }

    @Test
    void givenUnknownId_find_isEmpty() {
        assertThat(registry.find(newId())).isEmpty();
        assertThat(registry.findActive(newId())).isEmpty();
    }

    @Test
    void givenActiveConnection_markDisconnected_keepsTheRecordButNoLongerListsIt() {
        Connection alice = connection("Alice");
        Connection bob = connection("Bob");
        registry.register(alice);
        registry.register(bob);
        Disconnection disconnection = new Disconnection(CONNECTED_AT.plusSeconds(60), DisconnectReason.closed(1000, "bye"));

        boolean ended = registry.markDisconnected(alice.id(), disconnection);

        assertThat(ended).isTrue();
        assertThat(registry.findActive(alice.id())).isEmpty();
        assertThat(registry.find(alice.id())).hasValueSatisfying(record -> {
            assertThat(record.connection()).isEqualTo(alice);
            assertThat(record.disconnection()).contains(disconnection);
        });
        assertThat(registry.find(alice.id())).isEqualTo(ConnectionRecord.registered(alice).disconnect(disconnection));
        assertThat(registry.activeConnections()).containsExactly(bob);
    }

    @Test
    void givenDisconnectedConnection_markDisconnectedAgain_keepsTheFirstDisconnection() {
        Connection alice = connection("Alice");
        registry.register(alice);
        Disconnection first = new Disconnection(CONNECTED_AT.plusSeconds(60), DisconnectReason.closed(1001, "going away"));
        Disconnection second = new Disconnection(CONNECTED_AT.plusSeconds(90), DisconnectReason.gone());
        registry.markDisconnected(alice.id(), first);
        ConnectionRecord ended = registry.find(alice.id()).orElseThrow();

        boolean endedAgain = registry.markDisconnected(alice.id(), second);

        assertThat(ended.disconnect(second)).as("the record's own rule").isEmpty();
        assertThat(endedAgain).isFalse();
        assertThat(registry.find(alice.id())).contains(ended);
        assertThat(registry.find(alice.id())).hasValueSatisfying(
                record -> assertThat(record.disconnection()).contains(first));
        assertThat(registry.activeConnections()).isEmpty();
    }

    @Test
    void givenUnknownId_markDisconnected_createsNothing() {
        ConnectionId stranger = newId();

        boolean ended = registry.markDisconnected(stranger, new Disconnection(CONNECTED_AT, DisconnectReason.gone()));

        assertThat(ended).isFalse();
        assertThat(registry.find(stranger)).isEmpty();
        assertThat(registry.activeConnections()).isEmpty();
    }

    @Test
    void givenActiveConnection_recordMessageTwice_keepsTheLatestMessage() {
        Connection alice = connection("Alice");
        registry.register(alice);
        PostedText latest = posted("second", 20);

        registry.recordMessage(alice.id(), posted("first", 10));
        registry.recordMessage(alice.id(), latest);

        assertThat(registry.find(alice.id())).hasValueSatisfying(record -> {
            assertThat(record.latestMessage()).contains(latest);
            assertThat(record.latestBroadcast()).isEmpty();
            assertThat(record.isActive()).isTrue();
        });
        assertThat(registry.find(alice.id())).contains(ConnectionRecord.registered(alice)
                .recordMessage(posted("first", 10))
                .recordMessage(latest));
    }

    @Test
    void givenUnknownId_recordMessage_createsNothing() {
        ConnectionId stranger = newId();

        registry.recordMessage(stranger, posted("hello?", 10));

        assertThat(registry.find(stranger)).isEmpty();
        assertThat(registry.activeConnections()).isEmpty();
    }

    @Test
    void givenBroadcastByAUserThenOneByNoOneNamed_recordBroadcast_keepsTheSenderOfTheLatestOnly() {
        Connection alice = connection("Alice");
        registry.register(alice);
        PostedText byOps = new PostedText(new MessageText("maintenance at noon"), CONNECTED_AT.plusSeconds(30),
                Optional.of(new UserId("ops-1")));
        PostedText byNoOne = posted("done", 40);

        registry.recordBroadcast(List.of(alice.id()), byOps);
        assertThat(registry.find(alice.id()).orElseThrow().latestBroadcast()).contains(byOps);

        registry.recordBroadcast(List.of(alice.id()), byNoOne);
        assertThat(registry.find(alice.id()).orElseThrow().latestBroadcast()).contains(byNoOne);
    }

    @Test
    void givenSeveralConnections_recordBroadcast_marksOnlyThoseReached() {
        Connection alice = connection("Alice");
        Connection bob = connection("Bob");
        Connection carol = connection("Carol");
        List.of(alice, bob, carol).forEach(registry::register);
        registry.recordMessage(bob.id(), posted("hi all", 5));
        ConnectionRecord bobBefore = registry.find(bob.id()).orElseThrow();
        PostedText broadcast = posted("maintenance at noon", 30);
        ConnectionId stranger = newId();

        registry.recordBroadcast(List.of(alice.id(), bob.id(), stranger), broadcast);

        assertThat(registry.find(bob.id())).contains(bobBefore.recordBroadcast(broadcast));

        assertThat(registry.find(alice.id()).orElseThrow().latestBroadcast()).contains(broadcast);
        assertThat(registry.find(bob.id()).orElseThrow().latestBroadcast()).contains(broadcast);
        assertThat(registry.find(bob.id()).orElseThrow().latestMessage()).contains(posted("hi all", 5));
        assertThat(registry.find(carol.id()).orElseThrow().latestBroadcast()).isEmpty();
        assertThat(registry.find(stranger)).isEmpty();
    }

    @Test
    void givenNoConnections_activeConnections_isEmpty() {
        assertThat(registry.activeConnections()).isEmpty();
    }

    @Test
    void givenMoreActiveConnectionsThanOnePage_activeConnections_listsEachActiveOneOnce() {
        List<Connection> connections = IntStream.range(0, connectionsSpanningSeveralPages())
                .mapToObj(i -> connection("user-" + i))
                .toList();
        connections.forEach(registry::register);
        Set<Connection> disconnected = connections.stream().filter(c -> c.displayName().value().endsWith("7"))
                .collect(Collectors.toSet());
        disconnected.forEach(c -> registry.markDisconnected(c.id(),
                new Disconnection(CONNECTED_AT.plusSeconds(1), DisconnectReason.closed(1006, ""))));

        List<Connection> listed = registry.activeConnections().toList();

        assertThat(disconnected).isNotEmpty();
        assertThat(listed).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(connections.stream().filter(c -> !disconnected.contains(c)).toList());
    }

    private static Connection connection(String name) {
        return new Connection(newId(), new DisplayName(name), CONNECTED_AT);
    }

    private static Connection connectionOf(String name, UserId user) {
        return new Connection(newId(), new DisplayName(name), CONNECTED_AT, Optional.of(user));
    }

    private static PostedText posted(String text, int secondsAfterConnect) {
        return new PostedText(new MessageText(text), CONNECTED_AT.plusSeconds(secondsAfterConnect));
    }

    /** A fresh id in API Gateway's format, so tests sharing a table never collide. */
    private static ConnectionId newId() {
        String base64 = java.util.Base64.getEncoder().encodeToString(
                UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return new ConnectionId(base64.substring(0, 15) + "=");
    }
}
