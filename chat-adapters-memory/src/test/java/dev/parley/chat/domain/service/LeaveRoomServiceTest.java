package dev.parley.chat.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.port.in.LeaveRoomCommand;
import dev.parley.chat.domain.port.out.DeliveryResult;
import dev.parley.chat.domain.model.PresenceChange;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LeaveRoomServiceTest {

    private static final RoomName GAMES = new RoomName("games");

    private final ChatFixture chat = new ChatFixture();
    private final LeaveRoomService service = new LeaveRoomService(chat.registry, chat.rooms, chat.publisher, chat.clock, chat.limits);

    @Test
    void givenMember_leave_endsItsMembershipAndAnnouncesItsLeaveToTheMembersLeft() {
        Connection alice = chat.active("Alice");
        Connection bob = chat.active("Bob");
        Connection carol = chat.active("Carol");
        chat.join(alice, GAMES);
        chat.join(bob, GAMES);
        chat.join(carol, GAMES);

        boolean active = service.leave(new LeaveRoomCommand(alice.id(), GAMES));

        assertThat(active).isTrue();
        assertThat(chat.rooms.roomsOf(alice.id())).containsExactly(RoomName.LOBBY);
        assertThat(chat.rooms.members(GAMES)).containsExactlyInAnyOrder(bob.id(), carol.id());
        assertThat(chat.announcements()).containsExactlyInAnyOrder(
                "LEAVE games Alice (2) -> Bob", "LEAVE games Alice (2) -> Carol");
    }

    @Test
    void givenARoomLargerThanAnnounced_leave_isAnnouncedOnceTheRoomIsSmallEnough() {
        List<Connection> members = IntStream.range(0, PresenceChange.MAX_ANNOUNCED_PRESENCES + 2)
                .mapToObj(n -> chat.active("Member " + n)).toList();
        members.forEach(member -> chat.join(member, GAMES));

        service.leave(new LeaveRoomCommand(members.get(0).id(), GAMES));
        List<String> toOneHundredAndOne = chat.announcements();
        service.leave(new LeaveRoomCommand(members.get(1).id(), GAMES));

        assertThat(toOneHundredAndOne).isEmpty();
        assertThat(chat.announcements()).hasSize(PresenceChange.MAX_ANNOUNCED_PRESENCES).allMatch(announcement -> announcement.startsWith("LEAVE games Member 1 (100) -> Member "));
    }

    @Test
    void givenMemberWhoLeftAlready_leaveAgain_changesAndAnnouncesNothing() {
        Connection alice = chat.active("Alice");
        chat.join(alice, GAMES);
        chat.join(chat.active("Bob"), GAMES);
        service.leave(new LeaveRoomCommand(alice.id(), GAMES));

        boolean active = service.leave(new LeaveRoomCommand(alice.id(), GAMES));

        assertThat(active).isTrue();
        assertThat(chat.announcements()).containsExactly("LEAVE games Alice (1) -> Bob");
    }

    @Test
    void givenOneOfTwoTabsOfAUser_leave_announcesOnlyWhenTheLastTabLeaves() {
        UserId ada = new UserId("auth0|ada");
        Connection firstTab = chat.active("Ada", ada);
        Connection secondTab = chat.active("Ada again", ada);
        chat.join(firstTab, GAMES);
        chat.join(secondTab, GAMES);
        chat.join(chat.active("Bob"), GAMES);

        service.leave(new LeaveRoomCommand(firstTab.id(), GAMES));
        var afterTheFirst = chat.announcements();
        service.leave(new LeaveRoomCommand(secondTab.id(), GAMES));

        assertThat(afterTheFirst).isEmpty();
        assertThat(chat.announcements()).containsExactly("LEAVE games Ada again (1) -> Bob");
    }

    @Test
    void givenTheLobby_leave_takesTheConnectionOutOfItLikeAnyRoom() {
        Connection alice = chat.active("Alice");
        chat.active("Bob");

        service.leave(new LeaveRoomCommand(alice.id(), RoomName.LOBBY));

        assertThat(chat.rooms.roomsOf(alice.id())).isEmpty();
        assertThat(chat.announcements()).containsExactly("LEAVE lobby Alice (1) -> Bob");
    }

    @Test
    void givenUnknownOrDisconnectedConnection_leave_answersInactiveAndChangesNothing() {
        ConnectionId stranger = ChatFixture.idOf("Stranger");
        Connection dave = chat.disconnected("Dave");
        chat.active("Bob");

        assertThat(service.leave(new LeaveRoomCommand(stranger, RoomName.LOBBY))).isFalse();
        assertThat(service.leave(new LeaveRoomCommand(dave.id(), RoomName.LOBBY))).isFalse();
        assertThat(chat.publisher.sent()).isEmpty();
    }

    @Test
    void givenMemberFoundGoneByTheAnnouncement_leave_takesItOutOfItsRoomsToo() {
        Connection alice = chat.active("Alice");
        Connection bob = chat.active("Bob");
        Connection ghost = chat.active("Ghost");
        chat.join(alice, GAMES);
        chat.join(bob, GAMES);
        chat.join(ghost, GAMES);
        chat.publisher.answer(ghost.id(), DeliveryResult.gone());

        service.leave(new LeaveRoomCommand(alice.id(), GAMES));

        assertThat(chat.registry.findActive(ghost.id())).isEmpty();
        assertThat(chat.rooms.roomsOf(ghost.id())).isEmpty();
        assertThat(chat.rooms.members(GAMES)).containsExactly(bob.id());
        assertThat(chat.announcements()).containsExactlyInAnyOrder(
                "LEAVE games Alice (2) -> Bob", "LEAVE games Alice (2) -> Ghost",
                "LEAVE lobby Ghost (2) -> Alice", "LEAVE lobby Ghost (2) -> Bob",
                "LEAVE games Ghost (1) -> Bob");
    }
}
