package dev.parley.chat.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.adapter.out.memory.InMemoryConnectionRegistry;
import dev.parley.chat.adapter.out.memory.InMemoryRoomRegistry;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.Member;
import dev.parley.chat.domain.model.MemberPage;
import dev.parley.chat.domain.model.PresenceChange;
import dev.parley.chat.domain.model.RoomAccess;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.port.in.JoinRoomCommand;
import dev.parley.chat.domain.port.in.JoinRoomResult;
import dev.parley.chat.domain.port.out.DeliveryResult;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class JoinRoomServiceTest {

    private static final RoomName GAMES = new RoomName("games");
    private static final RoomLimit THREE_ROOMS = new RoomLimit(3);

    private final ChatFixture chat = new ChatFixture();
    private final JoinRoomService service =
            chat.joinService(chat.rooms, THREE_ROOMS);

    @Test
    void givenOthersInTheRoom_join_makesItAMemberAndAnnouncesItsPresenceToThemOnly() {
        Connection alice = chat.active("Alice");
        Connection bob = chat.active("Bob");
        Connection carol = chat.active("Carol");
        chat.active("Dave");
        chat.join(bob, GAMES);
        chat.join(carol, GAMES);

        JoinRoomResult result = service.join(new JoinRoomCommand(alice.id(), GAMES));

        assertThat(result).isInstanceOfSatisfying(JoinRoomResult.Joined.class, joined -> {
            assertThat(joined.room()).isEqualTo(GAMES);
            assertThat(joined.members().members()).containsExactlyInAnyOrder(
                    Member.of(alice), Member.of(bob), Member.of(carol));
            assertThat(joined.members().count()).isEqualTo(3);
            assertThat(joined.members().more()).isFalse();
        });
        assertThat(chat.rooms.roomsOf(alice.id())).containsExactlyInAnyOrder(RoomName.LOBBY, GAMES);
        assertThat(chat.announcements()).containsExactlyInAnyOrder(
                "JOIN games Alice (3) -> Bob", "JOIN games Alice (3) -> Carol");
    }

    @Test
    void givenMember_joinAgain_answersJoinedAndAnnouncesNothing() {
        Connection alice = chat.active("Alice");
        Connection bob = chat.active("Bob");
        chat.join(alice, GAMES);
        chat.join(bob, GAMES);

        JoinRoomResult result = service.join(new JoinRoomCommand(alice.id(), GAMES));

        assertThat(result).isEqualTo(new JoinRoomResult.Joined(GAMES,
                chat.rooms.presences(GAMES, Optional.empty(), MemberPage.MAX_MEMBERS), chat.history.head(GAMES),
                Optional.empty()));
        assertThat(chat.publisher.sent()).isEmpty();
    }

    @Test
    void givenTheUsersOtherTabInTheRoom_join_announcesNothing() {
        UserId ada = new UserId("auth0|ada");
        Connection firstTab = chat.active("Ada", ada);
        Connection secondTab = chat.active("Ada again", ada);
        chat.join(firstTab, GAMES);
        chat.join(chat.active("Bob"), GAMES);

        JoinRoomResult result = service.join(new JoinRoomCommand(secondTab.id(), GAMES));

        assertThat(result).isInstanceOfSatisfying(JoinRoomResult.Joined.class,
                joined -> assertThat(joined.members().count()).isEqualTo(2));
        assertThat(chat.rooms.members(GAMES)).hasSize(3);
        assertThat(chat.publisher.sent()).isEmpty();
    }

    @Test
    void givenTokenNotAdmittingTheRoom_join_answersForbiddenAndJoinsNothing() {
        Connection alice = chat.registered(new Connection(ChatFixture.idOf("Alice"), new DisplayName("Alice"),
                ChatFixture.CONNECTED_AT, Optional.of(new UserId("auth0|alice")), RoomAccess.only(List.of("team-*"))));

        JoinRoomResult forbidden = service.join(new JoinRoomCommand(alice.id(), GAMES));
        JoinRoomResult admitted = service.join(new JoinRoomCommand(alice.id(), new RoomName("team-blue")));

        assertThat(forbidden).isEqualTo(new JoinRoomResult.Forbidden(GAMES));
        assertThat(admitted).isInstanceOf(JoinRoomResult.Joined.class);
        assertThat(chat.rooms.roomsOf(alice.id())).containsExactly(new RoomName("team-blue"));
    }

    @Test
    void givenTokenAdmittingNoRoom_joinTheLobby_isAdmitted() {
        Connection alice = chat.registered(new Connection(ChatFixture.idOf("Alice"), new DisplayName("Alice"),
                ChatFixture.CONNECTED_AT, Optional.empty(), RoomAccess.only(List.of())));

        JoinRoomResult result = service.join(new JoinRoomCommand(alice.id(), RoomName.LOBBY));

        assertThat(result).isInstanceOf(JoinRoomResult.Joined.class);
        assertThat(chat.rooms.roomsOf(alice.id())).containsExactly(RoomName.LOBBY);
    }

    @Test
    void givenConnectionInAsManyRoomsAsItMayBe_joinAnother_answersTooManyRoomsAndAnnouncesNothing() {
        Connection alice = chat.active("Alice");
        chat.join(alice, GAMES);
        chat.join(alice, new RoomName("music"));
        chat.join(chat.active("Bob"), new RoomName("films"));

        JoinRoomResult result = service.join(new JoinRoomCommand(alice.id(), new RoomName("films")));

        assertThat(result).isEqualTo(new JoinRoomResult.TooManyRooms(THREE_ROOMS));
        assertThat(chat.rooms.roomsOf(alice.id())).hasSize(3).doesNotContain(new RoomName("films"));
        assertThat(chat.publisher.sent()).isEmpty();
    }

    @Test
    void givenUnknownOrDisconnectedConnection_join_answersNotConnected() {
        ConnectionId stranger = ChatFixture.idOf("Stranger");
        Connection dave = chat.disconnected("Dave");

        assertThat(service.join(new JoinRoomCommand(stranger, GAMES))).isEqualTo(new JoinRoomResult.NotConnected(stranger));
        assertThat(service.join(new JoinRoomCommand(dave.id(), GAMES))).isEqualTo(new JoinRoomResult.NotConnected(dave.id()));
        assertThat(chat.rooms.members(GAMES)).isEmpty();
    }

    @Test
    void givenConnectionEndingWhileItJoins_join_answersNotConnected() {
        Connection alice = chat.active("Alice");
        // The room registry already sees the end the connection registry was read before.
        var endedMeanwhile = new InMemoryRoomRegistry(new InMemoryConnectionRegistry());
        var racing = chat.joinService(endedMeanwhile, THREE_ROOMS);

        JoinRoomResult result = racing.join(new JoinRoomCommand(alice.id(), GAMES));

        assertThat(result).isEqualTo(new JoinRoomResult.NotConnected(alice.id()));
        assertThat(chat.publisher.sent()).isEmpty();
    }

    @Test
    void givenMorePresencesThanOnePage_join_answersTheFirstPageWithTheCount() {
        List<Connection> others = IntStream.range(0, 150).mapToObj(n -> chat.active("Member " + n)).toList();
        others.forEach(other -> chat.join(other, GAMES));
        Connection alice = chat.active("Alice");

        JoinRoomResult result = service.join(new JoinRoomCommand(alice.id(), GAMES));

        assertThat(result).isInstanceOfSatisfying(JoinRoomResult.Joined.class, joined -> {
            assertThat(joined.members().members()).hasSize(MemberPage.MAX_MEMBERS);
            assertThat(joined.members().count()).isEqualTo(151);
            assertThat(joined.members().more()).isTrue();
        });
        // Too many to tell each join to: the members learn of it when they ask.
        assertThat(chat.announcements()).isEmpty();
    }

    @Test
    void givenARoomAtTheMostPresencesAnnounced_join_isAnnouncedUntilTheRoomOutgrowsIt() {
        List<Connection> others = IntStream.range(0, PresenceChange.MAX_ANNOUNCED_PRESENCES - 1)
                .mapToObj(n -> chat.active("Member " + n)).toList();
        others.forEach(other -> chat.join(other, GAMES));

        service.join(new JoinRoomCommand(chat.active("Alice").id(), GAMES));
        List<String> hundredth = chat.announcements();
        service.join(new JoinRoomCommand(chat.active("Bob").id(), GAMES));

        assertThat(hundredth).hasSize(PresenceChange.MAX_ANNOUNCED_PRESENCES - 1)
                .allMatch(announcement -> announcement.startsWith("JOIN games Alice (100) -> Member "));
        assertThat(chat.announcements()).isEqualTo(hundredth);
    }

    @Test
    void givenMemberFoundGoneByTheAnnouncement_join_takesItOutOfItsRoomsAndAnnouncesItsLeave() {
        Connection alice = chat.active("Alice");
        Connection bob = chat.active("Bob");
        Connection ghost = chat.active("Ghost");
        chat.join(bob, GAMES);
        chat.join(ghost, GAMES);
        chat.publisher.answer(ghost.id(), DeliveryResult.gone());

        service.join(new JoinRoomCommand(alice.id(), GAMES));

        assertThat(chat.registry.findActive(ghost.id())).isEmpty();
        assertThat(chat.rooms.roomsOf(ghost.id())).isEmpty();
        assertThat(chat.announcements()).containsExactlyInAnyOrder(
                "JOIN games Alice (3) -> Bob", "JOIN games Alice (3) -> Ghost",
                "LEAVE lobby Ghost (2) -> Alice", "LEAVE lobby Ghost (2) -> Bob",
                "LEAVE games Ghost (2) -> Alice", "LEAVE games Ghost (2) -> Bob");
    }
}
