package dev.parley.chat.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.domain.fakes.AdjustableClock;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisconnectReason;
import dev.parley.chat.domain.model.Disconnection;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.Member;
import dev.parley.chat.domain.model.MemberPage;
import dev.parley.chat.domain.model.PresenceChange;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.port.out.AbstractRoomRegistryTest;
import dev.parley.chat.domain.port.out.RoomRegistry;
import dev.parley.chat.domain.port.out.RoomRegistry.Joined;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The room registry contract on a real dynalite, with pages small enough that listing needs several; then what this
 * adapter reads and writes, how it recovers from a writer that died between two writes, and what expired items it
 * ignores.
 */
class DynamoDbRoomRegistryTest extends AbstractRoomRegistryTest {

    private static final int SHARDS = 4;
    private static final int PAGE_SIZE = 3;
    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30.123Z");
    private static final RoomName ROOM = new RoomName("general");
    private static final RoomLimit LIMIT = RoomLimit.DEFAULT;
    /** Longer than a membership lives: ADR 0008's two hours of a connection and one more. */
    private static final Duration PAST_EXPIRY = Duration.ofHours(3).plusSeconds(1);

    private static LocalDynamoDb dynamoDb;

    private final AdjustableClock clock = new AdjustableClock(NOW);
    private RoomTables tables;
    private DynamoDbConnectionRegistry connections;
    private DynamoDbRoomRegistry rooms;
    private final AtomicInteger connectionsMade = new AtomicInteger();

    @BeforeAll
    static void startDynalite() {
        dynamoDb = LocalDynamoDb.start();
    }

    @AfterAll
    static void stopDynalite() {
        dynamoDb.close();
    }

    @Override
    protected RoomRegistry createEmptyRoomRegistry() {
        var chatDetails = new DynamoDbRegistrySettings(dynamoDb.createChatDetailsTable(), SHARDS, PAGE_SIZE,
                DynamoDbRegistrySettings.DEFAULT_RETENTION);
        tables = new RoomTables(dynamoDb.client(),
                new DynamoDbRoomRegistrySettings(chatDetails, dynamoDb.createChatRoomsTable(), PAGE_SIZE));
        connections = dynamoDb.registry(chatDetails);
        rooms = dynamoDb.roomRegistry(tables.settings(), clock);
        dynamoDb.operations().reset();
        return rooms;
    }

    @Override
    protected void register(Connection connection) {
        connections.register(connection);
    }

    @Override
    protected void end(ConnectionId connection) {
        connections.markDisconnected(connection, new Disconnection(clock.instant(), DisconnectReason.gone()));
    }

    @AfterEach
    void neverScanned() {
        assertThat(dynamoDb.operations().count("Scan")).as("Scan calls").isZero();
    }

    @Test
    void givenSeveralPagesOfMembers_members_queriesTheNextPageOnlyWhenItIsNeeded() {
        List<Member> joined = joinMany(ROOM, 10);
        dynamoDb.operations().reset();

        Iterator<ConnectionId> listing = rooms.members(ROOM).iterator();
        listing.next();
        int queriesForTheFirst = dynamoDb.operations().count("Query");
        List<ConnectionId> listed = new ArrayList<>();
        listing.forEachRemaining(listed::add);

        assertThat(queriesForTheFirst).isEqualTo(1);
        assertThat(dynamoDb.operations().count("Query")).isGreaterThanOrEqualTo(10 / PAGE_SIZE + 1);
        assertThat(listed).hasSize(9).isSubsetOf(joined.stream().map(Member::connectionId).toList());
    }

    @Test
    void givenTheLobby_members_queriesEveryShardOfTheActiveConnectionsIndexForTheActiveConnectionsInIt() {
        List<Member> inLobby = joinMany(RoomName.LOBBY, 12);
        Member leftTheLobby = inLobby.get(0);
        Member ended = inLobby.get(1);
        rooms.leave(RoomName.LOBBY, leftTheLobby);
        end(ended.connectionId());
        Member elsewhere = joinMany(ROOM, 1).get(0);
        dynamoDb.operations().reset();

        List<ConnectionId> listed = rooms.members(RoomName.LOBBY).toList();

        assertThat(listed).containsExactlyInAnyOrderElementsOf(
                inLobby.subList(2, inLobby.size()).stream().map(Member::connectionId).toList());
        assertThat(listed).doesNotContain(elsewhere.connectionId());
        List<QueryRequest> queries = dynamoDb.operations().requests(QueryRequest.class);
        assertThat(queries).allSatisfy(query -> {
            assertThat(query.tableName()).isEqualTo(tables.chatDetails());
            assertThat(query.indexName()).isEqualTo(ChatDetailsTable.ACTIVE_CONNECTIONS_INDEX);
        });
        assertThat(queries).extracting(query -> query.expressionAttributeValues().get(":shard").s())
                .containsAll(List.of("0", "1", "2", "3"));
    }

    @Test
    void givenMember_roomsOf_readsTheRowConsistently() {
        Member alice = joinMany(ROOM, 1).get(0);
        dynamoDb.operations().reset();

        assertThat(rooms.roomsOf(alice.connectionId())).containsExactly(ROOM);
        assertThat(rooms.isMember(ROOM, alice.connectionId())).isTrue();
        assertThat(dynamoDb.operations().requests(GetItemRequest.class)).hasSize(2).allSatisfy(get -> {
            assertThat(get.tableName()).isEqualTo(tables.chatDetails());
            assertThat(get.consistentRead()).isTrue();
        });
    }

    @Test
    void givenJoinAndLeave_eachChange_isOneSingleItemWriteAfterAnother() {
        Member alice = active("Alice", Optional.empty());
        dynamoDb.operations().reset();

        rooms.join(ROOM, alice, LIMIT);
        int joinUpdates = dynamoDb.operations().count("UpdateItem");
        int joinPuts = dynamoDb.operations().count("PutItem");
        dynamoDb.operations().reset();
        rooms.leave(ROOM, alice);

        // Join: the row's Rooms, the membership (put), the presence, the count.
        assertThat(joinUpdates).isEqualTo(3);
        assertThat(joinPuts).isEqualTo(1);
        // Leave: the presence, its now empty item, the count, the membership, the row's Rooms.
        assertThat(dynamoDb.operations().count("UpdateItem")).isEqualTo(3);
        assertThat(dynamoDb.operations().count("DeleteItem")).isEqualTo(2);
        assertThat(List.of("TransactWriteItems", "BatchWriteItem", "ExecuteStatement"))
                .allSatisfy(operation -> assertThat(dynamoDb.operations().count(operation)).as(operation).isZero());
    }

    @Test
    void givenWriterDiedAfterAddingTheRoomToTheRow_leave_completesTheLeaving() {
        Member alice = active("Alice", Optional.empty());
        tables.addRoomToRow(alice.connectionId(), ROOM);

        Optional<PresenceChange> left = rooms.leave(ROOM, alice);

        assertThat(left).contains(new PresenceChange(false, 0));
        assertThat(rooms.roomsOf(alice.connectionId())).isEmpty();
        assertThat(tables.itemsByKey(ROOM)).isEmpty();
    }

    @Test
    void givenWriterDiedAfterTheMembership_membersListItAndLeaveRemovesIt() {
        Member alice = active("Alice", Optional.empty());
        tables.addRoomToRow(alice.connectionId(), ROOM);
        membershipWrittenByHand(alice);

        List<ConnectionId> members = rooms.members(ROOM).toList();
        Optional<PresenceChange> left = rooms.leave(ROOM, alice);

        assertThat(members).containsExactly(alice.connectionId());
        assertThat(left).contains(new PresenceChange(false, 0));
        assertThat(rooms.members(ROOM)).isEmpty();
        assertThat(tables.itemsByKey(ROOM)).isEmpty();
    }

    @Test
    void givenWriterDiedBeforeCountingThePresence_leave_endsItAndTheCountDoesNotGoBelowZero() {
        Member alice = active("Alice", Optional.empty());
        tables.addRoomToRow(alice.connectionId(), ROOM);
        membershipWrittenByHand(alice);
        presenceWrittenByHand(alice);

        MemberPage uncounted = rooms.presences(ROOM, Optional.empty(), MemberPage.MAX_MEMBERS);
        Optional<PresenceChange> left = rooms.leave(ROOM, alice);

        assertThat(uncounted.members()).containsExactly(alice);
        assertThat(uncounted.count()).as("the count drifted by the one update that never came").isZero();
        assertThat(left).contains(new PresenceChange(true, 0));
        assertThat(tables.itemsByKey(ROOM)).containsOnlyKeys("#count");
        assertThat(tables.itemsByKey(ROOM).get("#count").get("Presences").n()).isEqualTo("0");
        assertThat(rooms.join(ROOM, active("Bob", Optional.empty()), LIMIT))
                .isEqualTo(new Joined(new PresenceChange(true, 1)));
    }

    @Test
    void givenWriterDiedAfterTheMembership_joinAgain_completesTheJoinAndBeginsThePresence() {
        Member alice = active("Alice", Optional.empty());
        tables.addRoomToRow(alice.connectionId(), ROOM);
        membershipWrittenByHand(alice);

        RoomRegistry.JoinOutcome again = rooms.join(ROOM, alice, LIMIT);

        assertThat(again).isEqualTo(new Joined(new PresenceChange(true, 1)));
        assertThat(tables.itemsByKey(ROOM)).containsOnlyKeys(
                "#count", "c#" + alice.connectionId().value(), "p#" + alice.presenceKey().value());
        assertThat(rooms.presences(ROOM, Optional.empty(), MemberPage.MAX_MEMBERS).members()).containsExactly(alice);
    }

    @Test
    void givenMembershipsPastTheirExpiry_membersAndPresences_ignoreThemThoughDynaliteKeepsThem() {
        joinMany(ROOM, 4);
        clock.advance(PAST_EXPIRY);

        assertThat(rooms.members(ROOM)).isEmpty();
        assertThat(rooms.presences(ROOM, Optional.empty(), MemberPage.MAX_MEMBERS).members()).isEmpty();
        assertThat(tables.itemsByKey(ROOM)).hasSize(4 + 4 + 1);
    }

    @Test
    void givenPresenceWhoseDisconnectWasLost_joinAfterItExpired_beginsItAgainAndCountsItOnce() {
        UserId ada = new UserId("auth0|ada");
        Member lostTab = active("Ada", Optional.of(ada));
        rooms.join(ROOM, lostTab, LIMIT);
        clock.advance(PAST_EXPIRY);
        Member newTab = active("Ada again", Optional.of(ada));

        RoomRegistry.JoinOutcome joined = rooms.join(ROOM, newTab, LIMIT);

        assertThat(joined).isEqualTo(new Joined(new PresenceChange(true, 1)));
        assertThat(rooms.presences(ROOM, Optional.empty(), MemberPage.MAX_MEMBERS))
                .isEqualTo(new MemberPage(List.of(newTab), 1, Optional.empty()));
        assertThat(tables.itemsByKey(ROOM).get("p#user:auth0|ada").get("Connections").ss())
                .containsExactly(newTab.connectionId().value());
        assertThat(rooms.leave(ROOM, newTab)).contains(new PresenceChange(true, 0));
    }

    @Test
    void givenAThousandConnectJoinDisconnectCycles_theRoomsTable_keepsNoMembershipOrPresenceAndCountsZero()
            throws Exception {
        int cycles = 1_000;
        int threads = 4;
        List<RoomName> roomsUsed = List.of(RoomName.LOBBY, new RoomName("room-0"), new RoomName("room-1"),
                new RoomName("room-2"));
        // Five users share the cycles, so their presences are joined and left by several threads at once.
        List<UserId> users = IntStream.range(0, 5).mapToObj(n -> new UserId("user-" + n)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Member> cycled;
        try {
            List<Future<List<Member>>> work = IntStream.range(0, threads)
                    .mapToObj(thread -> pool.submit(() -> {
                        List<Member> own = new ArrayList<>();
                        for (int cycle = thread; cycle < cycles; cycle += threads) {
                            Member member = active("Cycle " + cycle,
                                    cycle % 3 == 0 ? Optional.empty() : Optional.of(users.get(cycle % users.size())));
                            rooms.join(RoomName.LOBBY, member, LIMIT);
                            rooms.join(roomsUsed.get(1 + cycle % 3), member, LIMIT);
                            connections.markDisconnected(member.connectionId(),
                                    new Disconnection(NOW, new DisconnectReason("cycle over")));
                            rooms.roomsOf(member.connectionId()).forEach(room -> rooms.leave(room, member));
                            own.add(member);
                        }
                        return own;
                    }))
                    .toList();
            cycled = new ArrayList<>();
            for (Future<List<Member>> thread : work) {
                cycled.addAll(thread.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(cycled).hasSize(cycles);
        for (RoomName room : roomsUsed) {
            Map<String, Map<String, AttributeValue>> items = tables.itemsByKey(room);
            assertThat(items).as("items left in " + room).containsOnlyKeys("#count");
            assertThat(items.get("#count").get("Presences").n()).as("presences of " + room).isEqualTo("0");
            assertThat(rooms.members(room)).as("members of " + room).isEmpty();
        }
        assertThat(cycled).allSatisfy(member -> assertThat(tables.connectionRow(member.connectionId()))
                .doesNotContainKey(ChatDetailsTable.ROOMS));
    }

    /** {@code count} active connections, each joined to {@code room}. */
    private List<Member> joinMany(RoomName room, int count) {
        return IntStream.range(0, count).mapToObj(n -> {
            Member member = active("Member " + n, Optional.empty());
            assertThat(rooms.join(room, member, LIMIT)).isInstanceOf(Joined.class);
            return member;
        }).toList();
    }

    private Member active(String name, Optional<UserId> user) {
        ConnectionId id = new ConnectionId("conn" + connectionsMade.incrementAndGet() + "=");
        Connection connection = new Connection(id, new DisplayName(name), NOW, user);
        register(connection);
        return Member.of(connection);
    }

    /** The membership a join writes second, as a writer that died after it left it. */
    private void membershipWrittenByHand(Member member) {
        tables.putRoomItem(ROOM, "c#" + member.connectionId().value(), Map.of(
                "DisplayName", AttributeValue.fromS(member.name().value()),
                "JoinedAt", AttributeValue.fromS(clock.instant().toString()),
                "ExpiresAt", expiresAfterNow()));
    }

    /** The presence a join writes third, as a writer that died after it left it. */
    private void presenceWrittenByHand(Member member) {
        tables.putRoomItem(ROOM, "p#" + member.presenceKey().value(), Map.of(
                "Connections", AttributeValue.fromSs(List.of(member.connectionId().value())),
                "ConnectionId", AttributeValue.fromS(member.connectionId().value()),
                "DisplayName", AttributeValue.fromS(member.name().value()),
                "ExpiresAt", expiresAfterNow()));
    }

    private AttributeValue expiresAfterNow() {
        return AttributeValue.fromN(Long.toString(clock.instant().plus(Duration.ofHours(3)).getEpochSecond()));
    }
}
