package dev.parley.chat.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.Member;
import dev.parley.chat.domain.model.MemberPage;
import dev.parley.chat.domain.model.PresenceChange;
import dev.parley.chat.domain.model.PresenceKey;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.port.out.RoomRegistry.AlreadyMember;
import dev.parley.chat.domain.port.out.RoomRegistry.AtLimit;
import dev.parley.chat.domain.port.out.RoomRegistry.JoinOutcome;
import dev.parley.chat.domain.port.out.RoomRegistry.Joined;
import dev.parley.chat.domain.port.out.RoomRegistry.NotConnected;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link RoomRegistry} adapter must have. Each adapter's test extends this class, supplies a fresh
 * registry with no memberships, and registers and ends connections in the {@link ConnectionRegistry} the rooms are kept
 * with (only active connections may join).
 */
public abstract class AbstractRoomRegistryTest {

    private static final Instant CONNECTED_AT = Instant.parse("2026-11-25T10:15:30.123Z");
    private static final RoomLimit LIMIT = RoomLimit.DEFAULT;
    private static final RoomName ROOM = new RoomName("general");
    private static final RoomName OTHER_ROOM = new RoomName("team-a.random:1");

    private RoomRegistry rooms;

    /** A registry with no memberships; called before each test, before any {@link #register}. */
    protected abstract RoomRegistry createEmptyRoomRegistry();

    /** Registers {@code connection} as active, as {@link ConnectionRegistry#register} does. */
    protected abstract void register(Connection connection);

    /** Ends the connection, as {@link ConnectionRegistry#markDisconnected} does. */
    protected abstract void end(ConnectionId connection);

    /** How many members it takes to need several pages of reads in this adapter (more than one page of presences). */
    protected int membersSpanningSeveralPages() {
        return 250;
    }

    @BeforeEach
    void createRegistry() {
        rooms = createEmptyRoomRegistry();
    }

    @Test
    void givenActiveConnection_join_makesItAMemberAndBeginsItsPresence() {
        Member alice = active("Alice");

        JoinOutcome outcome = rooms.join(ROOM, alice, LIMIT);

        assertThat(outcome).isEqualTo(new Joined(new PresenceChange(true, 1)));
        assertThat(rooms.roomsOf(alice.connectionId())).containsExactly(ROOM);
        assertThat(rooms.isMember(ROOM, alice.connectionId())).isTrue();
        assertThat(rooms.isMember(OTHER_ROOM, alice.connectionId())).isFalse();
        assertThat(rooms.members(ROOM)).containsExactly(alice.connectionId());
        assertThat(rooms.presences(ROOM, Optional.empty(), MemberPage.MAX_MEMBERS))
                .isEqualTo(new MemberPage(List.of(alice), 1, Optional.empty()));
    }

    @Test
    void givenMember_joinAgain_changesNothing() {
        Member alice = active("Alice");
        Member bob = active("Bob");
        rooms.join(ROOM, alice, LIMIT);
        rooms.join(ROOM, bob, LIMIT);

        JoinOutcome again = rooms.join(ROOM, alice, LIMIT);

        assertThat(again).isEqualTo(new AlreadyMember(2));
        assertThat(rooms.roomsOf(alice.connectionId())).containsExactly(ROOM);
        assertThat(rooms.members(ROOM)).containsExactlyInAnyOrder(alice.connectionId(), bob.connectionId());
        assertThat(rooms.presences(ROOM, Optional.empty(), MemberPage.MAX_MEMBERS).count()).isEqualTo(2);
    }

    @Test
    void givenUnregisteredConnection_join_isNotConnectedAndStoresNothing() {
        Member stranger = anonymous("Stranger");

        JoinOutcome outcome = rooms.join(ROOM, stranger, LIMIT);

        assertThat(outcome).isEqualTo(new NotConnected());
        assertThat(rooms.roomsOf(stranger.connectionId())).isEmpty();
        assertThat(rooms.members(ROOM)).isEmpty();
        assertThat(rooms.presences(ROOM, Optional.empty(), MemberPage.MAX_MEMBERS).count()).isZero();
    }

    @Test
    void givenEndedConnection_join_isNotConnectedAndStoresNothing() {
        Member alice = active("Alice");
        end(alice.connectionId());

        JoinOutcome outcome = rooms.join(ROOM, alice, LIMIT);

        assertThat(outcome).isEqualTo(new NotConnected());
        assertThat(rooms.roomsOf(alice.connectionId())).isEmpty();
        assertThat(rooms.members(ROOM)).isEmpty();
    }

    @Test
    void givenConnectionAtItsLimit_join_isAtLimitForANewRoomOnlyUntilItLeavesOne() {
        RoomLimit three = new RoomLimit(3);
        Member alice = active("Alice");
        List<RoomName> joined = List.of(RoomName.LOBBY, ROOM, OTHER_ROOM);
        joined.forEach(room -> rooms.join(room, alice, three));
        RoomName fourth = new RoomName("fourth");

        JoinOutcome overLimit = rooms.join(fourth, alice, three);
        JoinOutcome joinedAlready = rooms.join(ROOM, alice, three);
        rooms.leave(OTHER_ROOM, alice);
        JoinOutcome afterLeaving = rooms.join(fourth, alice, three);

        assertThat(overLimit).isEqualTo(new AtLimit(three));
        assertThat(joinedAlready).isEqualTo(new AlreadyMember(1));
        assertThat(afterLeaving).isEqualTo(new Joined(new PresenceChange(true, 1)));
        assertThat(rooms.roomsOf(alice.connectionId())).containsExactlyInAnyOrder(RoomName.LOBBY, ROOM, fourth);
    }

    @Test
    void givenRacingJoinsOfOneConnectionToManyRooms_join_neverPassesTheLimit() throws Exception {
        RoomLimit five = new RoomLimit(5);
        Member alice = active("Alice");
        List<RoomName> wanted = IntStream.range(0, 16).mapToObj(n -> new RoomName("room-" + n)).toList();

        List<JoinOutcome> outcomes = concurrently(wanted.size(), n -> rooms.join(wanted.get(n), alice, five));

        assertThat(outcomes).filteredOn(Joined.class::isInstance).hasSize(5);
        assertThat(outcomes).filteredOn(AtLimit.class::isInstance).hasSize(wanted.size() - 5);
        Set<RoomName> in = rooms.roomsOf(alice.connectionId());
        assertThat(in).hasSize(5);
        assertThat(wanted).allSatisfy(room ->
                assertThat(rooms.members(room).toList()).isEqualTo(in.contains(room) ? List.of(alice.connectionId()) : List.of()));
    }

    @Test
    void givenTwoConnectionsOfOneUser_joinAndLeave_beginAndEndOnePresence() {
        UserId ada = new UserId("auth0|ada");
        Member firstTab = active("Ada", ada);
        Member secondTab = active("Ada", ada);

        JoinOutcome first = rooms.join(ROOM, firstTab, LIMIT);
        JoinOutcome second = rooms.join(ROOM, secondTab, LIMIT);
        MemberPage both = rooms.presences(ROOM, Optional.empty(), MemberPage.MAX_MEMBERS);
        Optional<PresenceChange> oneLeaves = rooms.leave(ROOM, firstTab);
        MemberPage one = rooms.presences(ROOM, Optional.empty(), MemberPage.MAX_MEMBERS);
        Optional<PresenceChange> lastLeaves = rooms.leave(ROOM, secondTab);

        assertThat(first).isEqualTo(new Joined(new PresenceChange(true, 1)));
        assertThat(second).isEqualTo(new Joined(new PresenceChange(false, 1)));
        assertThat(both.count()).isEqualTo(1);
        assertThat(both.members()).singleElement().satisfies(member -> {
            assertThat(member.userId()).contains(ada);
            assertThat(member.connectionId()).isIn(firstTab.connectionId(), secondTab.connectionId());
        });
        assertThat(oneLeaves).contains(new PresenceChange(false, 1));
        assertThat(one.members()).singleElement().satisfies(member -> assertThat(member.userId()).contains(ada));
        assertThat(lastLeaves).contains(new PresenceChange(true, 0));
        assertThat(rooms.members(ROOM)).isEmpty();
        assertThat(rooms.presences(ROOM, Optional.empty(), MemberPage.MAX_MEMBERS))
                .isEqualTo(new MemberPage(List.of(), 0, Optional.empty()));
    }

    @Test
    void givenAnonymousConnectionsAndUsers_join_countsOnePresencePerUserAndPerAnonymousConnection() {
        UserId ada = new UserId("auth0|ada");
        Member adaFirst = active("Ada", ada);
        Member adaSecond = active("Ada", ada);
        Member bob = active("Bob", new UserId("auth0|bob"));
        Member anon = active("Anon");
        Member otherAnon = active("Anon");

        List<JoinOutcome> outcomes = List.of(adaFirst, adaSecond, bob, anon, otherAnon).stream()
                .map(member -> rooms.join(ROOM, member, LIMIT))
                .toList();

        assertThat(outcomes).containsExactly(
                new Joined(new PresenceChange(true, 1)),
                new Joined(new PresenceChange(false, 1)),
                new Joined(new PresenceChange(true, 2)),
                new Joined(new PresenceChange(true, 3)),
                new Joined(new PresenceChange(true, 4)));
        MemberPage page = rooms.presences(ROOM, Optional.empty(), MemberPage.MAX_MEMBERS);
        assertThat(page.count()).isEqualTo(4);
        assertThat(page.members()).extracting(Member::presenceKey).containsExactlyInAnyOrder(
                PresenceKey.of(ada), bob.presenceKey(), anon.presenceKey(), otherAnon.presenceKey());
        assertThat(page.members()).contains(bob, anon, otherAnon);
        assertThat(rooms.members(ROOM)).hasSize(5);
    }

    @Test
    void givenNonMember_leave_isEmptyAndChangesNothing() {
        Member alice = active("Alice");
        Member bob = active("Bob");
        rooms.join(ROOM, bob, LIMIT);

        Optional<PresenceChange> neverJoined = rooms.leave(ROOM, alice);
        Optional<PresenceChange> otherRoom = rooms.leave(OTHER_ROOM, bob);

        assertThat(neverJoined).isEmpty();
        assertThat(otherRoom).isEmpty();
        assertThat(rooms.members(ROOM)).containsExactly(bob.connectionId());
        assertThat(rooms.roomsOf(bob.connectionId())).containsExactly(ROOM);
    }

    @Test
    void givenMember_leaveTwice_leavesOnceAndTheSecondChangesNothing() {
        Member alice = active("Alice");
        Member bob = active("Bob");
        rooms.join(ROOM, alice, LIMIT);
        rooms.join(OTHER_ROOM, alice, LIMIT);
        rooms.join(ROOM, bob, LIMIT);

        Optional<PresenceChange> first = rooms.leave(ROOM, alice);
        Optional<PresenceChange> second = rooms.leave(ROOM, alice);

        assertThat(first).contains(new PresenceChange(true, 1));
        assertThat(second).isEmpty();
        assertThat(rooms.roomsOf(alice.connectionId())).containsExactly(OTHER_ROOM);
        assertThat(rooms.isMember(ROOM, alice.connectionId())).isFalse();
        assertThat(rooms.members(ROOM)).containsExactly(bob.connectionId());
        assertThat(rooms.presences(ROOM, Optional.empty(), MemberPage.MAX_MEMBERS))
                .isEqualTo(new MemberPage(List.of(bob), 1, Optional.empty()));
    }

    @Test
    void givenMemberWhoseConnectionEnded_roomsOfAndLeave_stillReadAndEndItsMemberships() {
        Member alice = active("Alice");
        Member bob = active("Bob");
        rooms.join(ROOM, alice, LIMIT);
        rooms.join(OTHER_ROOM, alice, LIMIT);
        rooms.join(ROOM, bob, LIMIT);
        end(alice.connectionId());

        Set<RoomName> toLeave = rooms.roomsOf(alice.connectionId());
        List<Optional<PresenceChange>> left = List.of(rooms.leave(ROOM, alice), rooms.leave(OTHER_ROOM, alice));

        assertThat(toLeave).containsExactlyInAnyOrder(ROOM, OTHER_ROOM);
        assertThat(left).containsExactly(Optional.of(new PresenceChange(true, 1)), Optional.of(new PresenceChange(true, 0)));
        assertThat(rooms.roomsOf(alice.connectionId())).isEmpty();
        assertThat(rooms.members(ROOM)).containsExactly(bob.connectionId());
        assertThat(rooms.members(OTHER_ROOM)).isEmpty();
    }

    @Test
    void givenSeveralRooms_roomsOfMembersAndPresences_keepEachRoomToItself() {
        Member alice = active("Alice");
        Member bob = active("Bob");
        Member carol = active("Carol");
        rooms.join(ROOM, alice, LIMIT);
        rooms.join(ROOM, bob, LIMIT);
        rooms.join(OTHER_ROOM, bob, LIMIT);
        rooms.join(OTHER_ROOM, carol, LIMIT);

        assertThat(rooms.roomsOf(alice.connectionId())).containsExactly(ROOM);
        assertThat(rooms.roomsOf(bob.connectionId())).containsExactlyInAnyOrder(ROOM, OTHER_ROOM);
        assertThat(rooms.roomsOf(carol.connectionId())).containsExactly(OTHER_ROOM);
        assertThat(List.of(alice, bob, carol)).allSatisfy(member -> List.of(ROOM, OTHER_ROOM).forEach(room ->
                assertThat(rooms.isMember(room, member.connectionId()))
                        .isEqualTo(rooms.roomsOf(member.connectionId()).contains(room))));
        assertThat(rooms.members(ROOM)).containsExactlyInAnyOrder(alice.connectionId(), bob.connectionId());
        assertThat(rooms.members(OTHER_ROOM)).containsExactlyInAnyOrder(bob.connectionId(), carol.connectionId());
        assertThat(rooms.presences(OTHER_ROOM, Optional.empty(), MemberPage.MAX_MEMBERS).members())
                .containsExactlyInAnyOrder(bob, carol);
        assertThat(rooms.members(new RoomName("empty"))).isEmpty();
    }

    @Test
    void givenEmptyRoom_presences_isAnEmptyLastPage() {
        assertThat(rooms.presences(ROOM, Optional.empty(), MemberPage.MAX_MEMBERS))
                .isEqualTo(new MemberPage(List.of(), 0, Optional.empty()));
    }

    @Test
    void givenTheLobby_joinLeaveAndReads_behaveAsInAnyRoom() {
        Member alice = active("Alice");
        Member bob = active("Bob");

        JoinOutcome aliceJoins = rooms.join(RoomName.LOBBY, alice, LIMIT);
        JoinOutcome bobJoins = rooms.join(RoomName.LOBBY, bob, LIMIT);
        JoinOutcome again = rooms.join(RoomName.LOBBY, bob, LIMIT);
        List<ConnectionId> both = rooms.members(RoomName.LOBBY).toList();
        Optional<PresenceChange> aliceLeaves = rooms.leave(RoomName.LOBBY, alice);

        assertThat(aliceJoins).isEqualTo(new Joined(new PresenceChange(true, 1)));
        assertThat(bobJoins).isEqualTo(new Joined(new PresenceChange(true, 2)));
        assertThat(again).isEqualTo(new AlreadyMember(2));
        assertThat(both).containsExactlyInAnyOrder(alice.connectionId(), bob.connectionId());
        assertThat(aliceLeaves).contains(new PresenceChange(true, 1));
        assertThat(rooms.members(RoomName.LOBBY)).containsExactly(bob.connectionId());
        assertThat(rooms.roomsOf(alice.connectionId())).isEmpty();
        assertThat(rooms.presences(RoomName.LOBBY, Optional.empty(), MemberPage.MAX_MEMBERS))
                .isEqualTo(new MemberPage(List.of(bob), 1, Optional.empty()));
    }

    @Test
    void givenMoreMembersThanOnePage_members_listsEachConnectionOnce() {
        List<Member> joined = joinMany(ROOM, membersSpanningSeveralPages());
        rooms.join(OTHER_ROOM, active("Elsewhere"), LIMIT);

        List<ConnectionId> listed = rooms.members(ROOM).toList();

        assertThat(listed).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(joined.stream().map(Member::connectionId).toList());
    }

    @Test
    void givenMorePresencesThanOnePage_presences_pagesThroughEachPresenceOnceWithTheCount() {
        List<Member> joined = joinMany(ROOM, membersSpanningSeveralPages());
        Set<PresenceKey> presences = joined.stream().map(Member::presenceKey).collect(Collectors.toSet());

        List<MemberPage> pages = allPages(ROOM, MemberPage.MAX_MEMBERS);

        assertThat(presences).hasSizeLessThan(joined.size());
        assertThat(pages).allSatisfy(page -> assertThat(page.count()).isEqualTo(presences.size()));
        assertThat(pages).hasSize(ceilDiv(presences.size(), MemberPage.MAX_MEMBERS));
        assertThat(pages.subList(0, pages.size() - 1)).allSatisfy(page -> {
            assertThat(page.members()).hasSize(MemberPage.MAX_MEMBERS);
            assertThat(page.more()).isTrue();
        });
        assertThat(pages.get(pages.size() - 1).more()).isFalse();
        List<Member> listed = pages.stream().flatMap(page -> page.members().stream()).toList();
        assertThat(listed).extracting(Member::presenceKey).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(presences);
        assertThat(joined).containsAll(listed);
    }

    @Test
    void givenPresencesFillingWholePages_presences_endsOnTheLastFullPageWithoutNext() {
        int limit = 7;
        List<Member> joined = IntStream.range(0, 3 * limit).mapToObj(n -> active("Member " + n)).toList();
        joined.forEach(member -> rooms.join(ROOM, member, LIMIT));

        List<MemberPage> pages = allPages(ROOM, limit);

        assertThat(pages).extracting(page -> page.members().size()).containsExactly(limit, limit, limit);
        assertThat(pages).extracting(MemberPage::more).containsExactly(true, true, false);
        assertThat(pages.stream().flatMap(page -> page.members().stream())).containsExactlyInAnyOrderElementsOf(joined);
    }

    @Test
    void givenPresencesLeavingBetweenPages_presences_continuesAfterTheCursorWithoutSkippingAnyone() {
        int limit = 5;
        List<Member> joined = IntStream.range(0, 12).mapToObj(n -> active("Member " + n)).toList();
        joined.forEach(member -> rooms.join(ROOM, member, LIMIT));
        MemberPage first = rooms.presences(ROOM, Optional.empty(), limit);

        first.members().forEach(member -> rooms.leave(ROOM, member));
        MemberPage second = rooms.presences(ROOM, first.next(), limit);
        MemberPage third = rooms.presences(ROOM, second.next(), limit);

        assertThat(second.count()).isEqualTo(12 - limit);
        List<Member> rest = new ArrayList<>(second.members());
        rest.addAll(third.members());
        assertThat(rest).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
                joined.stream().filter(member -> !first.members().contains(member)).toList());
        assertThat(third.more()).isFalse();
    }

    @Test
    void givenCursorThatNoPageOfTheRoomGave_presences_isRefused() {
        List.of(active("Alice"), active("Bob"), active("Carol")).forEach(member -> {
            rooms.join(ROOM, member, LIMIT);
            rooms.join(OTHER_ROOM, member, LIMIT);
        });
        String otherRoomsCursor = rooms.presences(OTHER_ROOM, Optional.empty(), 1).next().orElseThrow();

        assertThatIllegalArgumentException().isThrownBy(() -> rooms.presences(ROOM, Optional.of("not a cursor!"), 1));
        assertThatIllegalArgumentException().isThrownBy(() -> rooms.presences(ROOM, Optional.of(""), 1));
        assertThatIllegalArgumentException().isThrownBy(() -> rooms.presences(ROOM, Optional.of(otherRoomsCursor), 1));
    }

    @Test
    void givenLimitOutOfRange_presences_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> rooms.presences(ROOM, Optional.empty(), 0));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> rooms.presences(ROOM, Optional.empty(), MemberPage.MAX_MEMBERS + 1));
    }

    @Test
    void givenTwoTabsOfOneUserJoiningAtOnce_join_beginsThePresenceExactlyOnce() throws Exception {
        UserId ada = new UserId("auth0|ada");
        List<Member> tabs = IntStream.range(0, 6).mapToObj(n -> active("Ada", ada)).toList();

        List<JoinOutcome> outcomes = concurrently(tabs.size(), n -> rooms.join(ROOM, tabs.get(n), LIMIT));

        assertThat(outcomes).filteredOn(outcome -> ((Joined) outcome).presence().changed()).hasSize(1);
        assertThat(rooms.presences(ROOM, Optional.empty(), MemberPage.MAX_MEMBERS).count()).isEqualTo(1);
        assertThat(rooms.members(ROOM)).hasSize(tabs.size());
    }

    @Test
    void givenManyThreadsJoiningAndLeavingOneRoom_theFinalPresencesAndEveryReportedChangeAreExact() throws Exception {
        int threads = 8;
        int steps = 30;
        // Each thread drives its own connections; users span threads, so their presences race.
        List<UserId> users = IntStream.range(0, 3).mapToObj(n -> new UserId("user-" + n)).toList();
        List<List<Member>> own = IntStream.range(0, threads).mapToObj(t -> List.of(
                active("T" + t + " anon"), active("T" + t + " a", users.get(t % 3)), active("T" + t + " b", users.get((t + 1) % 3))))
                .toList();
        Map<PresenceKey, AtomicInteger> begunMinusEnded = new ConcurrentHashMap<>();

        List<Set<Member>> finalMemberships = concurrently(threads, t -> {
            Random random = new Random(t);
            Set<Member> in = new HashSet<>();
            for (int step = 0; step < steps; step++) {
                Member member = own.get(t).get(random.nextInt(3));
                if (random.nextBoolean()) {
                    JoinOutcome outcome = rooms.join(ROOM, member, LIMIT);
                    assertThat(outcome).isInstanceOf(in.contains(member) ? AlreadyMember.class : Joined.class);
                    if (outcome instanceof Joined joined && joined.presence().changed()) {
                        begunMinusEnded.computeIfAbsent(member.presenceKey(), key -> new AtomicInteger()).incrementAndGet();
                    }
                    in.add(member);
                } else {
                    Optional<PresenceChange> left = rooms.leave(ROOM, member);
                    assertThat(left.isPresent()).isEqualTo(in.contains(member));
                    if (left.isPresent() && left.get().changed()) {
                        begunMinusEnded.computeIfAbsent(member.presenceKey(), key -> new AtomicInteger()).decrementAndGet();
                    }
                    in.remove(member);
                }
            }
            return in;
        });

        Set<Member> members = finalMemberships.stream().flatMap(Set::stream).collect(Collectors.toSet());
        Set<PresenceKey> present = members.stream().map(Member::presenceKey).collect(Collectors.toSet());
        MemberPage page = rooms.presences(ROOM, Optional.empty(), MemberPage.MAX_MEMBERS);
        assertThat(rooms.members(ROOM)).containsExactlyInAnyOrderElementsOf(members.stream().map(Member::connectionId).toList());
        assertThat(page.members()).extracting(Member::presenceKey).containsExactlyInAnyOrderElementsOf(present);
        assertThat(page.count()).isEqualTo(present.size());
        Map<PresenceKey, Integer> reported = new HashMap<>();
        begunMinusEnded.forEach((key, balance) -> reported.put(key, balance.get()));
        Map<PresenceKey, Integer> expected = new HashMap<>();
        reported.keySet().forEach(key -> expected.put(key, present.contains(key) ? 1 : 0));
        assertThat(reported).as("presences begun minus ended, per presence").isEqualTo(expected);
        assertThat(reported.keySet()).containsAll(present);
    }

    private List<MemberPage> allPages(RoomName room, int limit) {
        List<MemberPage> pages = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            MemberPage page = rooms.presences(room, cursor, limit);
            pages.add(page);
            cursor = page.next();
        } while (cursor.isPresent() && pages.size() <= membersSpanningSeveralPages());
        return pages;
    }

    /** {@code count} members of {@code room}: every tenth pair of connections is one user's two tabs. */
    private List<Member> joinMany(RoomName room, int count) {
        List<Member> joined = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            Member member = n % 10 == 1
                    ? active("Tab " + n, joined.get(n - 1).userId().orElseThrow())
                    : n % 10 == 0 ? active("User " + n, new UserId("user-" + n)) : active("Member " + n);
            assertThat(rooms.join(room, member, LIMIT)).isInstanceOf(Joined.class);
            joined.add(member);
        }
        return joined;
    }

    /** Runs {@code task} 0 to {@code count - 1} on as many threads, released together; their results in order. */
    private static <T> List<T> concurrently(int count, IndexedTask<T> task) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = IntStream.range(0, count)
                    .mapToObj(n -> threads.submit((Callable<T>) () -> {
                        start.await();
                        return task.run(n);
                    }))
                    .toList();
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    private interface IndexedTask<T> {
        T run(int index) throws Exception;
    }

    /** An active, anonymous connection's member. */
    private Member active(String name) {
        Member member = anonymous(name);
        registerAs(member);
        return member;
    }

    /** An active connection of {@code user}. */
    private Member active(String name, UserId user) {
        Member member = new Member(newId(), Optional.of(user), new DisplayName(name));
        registerAs(member);
        return member;
    }

    private void registerAs(Member member) {
        register(new Connection(member.connectionId(), member.name(), CONNECTED_AT, member.userId()));
    }

    /** A member of a connection not registered (yet). */
    private static Member anonymous(String name) {
        return new Member(newId(), Optional.empty(), new DisplayName(name));
    }

    private static int ceilDiv(int dividend, int divisor) {
        return (dividend + divisor - 1) / divisor;
    }

    /** A fresh id in API Gateway's format, so tests sharing a table never collide. */
    private static ConnectionId newId() {
        String base64 = Base64.getEncoder().encodeToString(
                UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
        return new ConnectionId(base64.substring(0, 15) + "=");
    }
}
