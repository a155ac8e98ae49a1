package dev.parley.chat.domain.service;

import static dev.parley.chat.domain.service.ChatFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisconnectReason;
import dev.parley.chat.domain.model.Disconnection;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.port.in.DisconnectCommand;
import dev.parley.chat.domain.port.out.DeliveryResult;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DisconnectServiceTest {

    private static final DisconnectReason CLIENT_CLOSED = DisconnectReason.closed(1000, "bye");
    private static final RoomName GAMES = new RoomName("games");
    private static final RoomName MUSIC = new RoomName("music");

    private final ChatFixture chat = new ChatFixture();
    private final DisconnectService service = new DisconnectService(chat.registry, chat.rooms, chat.publisher, chat.clock, chat.limits);

    @Test
    void givenActiveConnection_disconnect_marksItWithTheClockInstantAndTheReason() {
        Connection alice = chat.active("Alice");
        Connection bob = chat.active("Bob");

        service.disconnect(new DisconnectCommand(alice.id(), CLIENT_CLOSED));

        assertThat(chat.recordOf(alice).disconnection()).contains(new Disconnection(NOW, CLIENT_CLOSED));
        assertThat(chat.recordOf(alice).connection()).isEqualTo(alice);
        assertThat(chat.registry.activeConnections()).containsExactly(bob);
    }

    @Test
    void givenDisconnectedConnection_disconnectAgain_keepsTheFirstDisconnection() {
        Connection alice = chat.active("Alice");
        service.disconnect(new DisconnectCommand(alice.id(), CLIENT_CLOSED));
        var later = new DisconnectService(
                chat.registry, chat.rooms, chat.publisher, Clock.fixed(NOW.plusSeconds(30), ZoneOffset.UTC),
                chat.limits);

        later.disconnect(new DisconnectCommand(alice.id(), DisconnectReason.closed(1006, "abnormal")));

        assertThat(chat.recordOf(alice).disconnection()).contains(new Disconnection(NOW, CLIENT_CLOSED));
        assertThat(chat.registry.activeConnections()).isEmpty();
    }

    @Test
    void givenMemberOfSeveralRooms_disconnect_leavesEachAndAnnouncesItsLeaveToWhoRemains() {
        Connection alice = chat.active("Alice");
        Connection bob = chat.active("Bob");
        Connection carol = chat.active("Carol");
        chat.join(alice, GAMES);
        chat.join(carol, GAMES);
        chat.join(alice, MUSIC);

        service.disconnect(new DisconnectCommand(alice.id(), CLIENT_CLOSED));

        assertThat(chat.rooms.roomsOf(alice.id())).isEmpty();
        assertThat(chat.rooms.members(RoomName.LOBBY)).containsExactlyInAnyOrder(bob.id(), carol.id());
        assertThat(chat.rooms.members(MUSIC)).isEmpty();
        assertThat(chat.announcements()).containsExactlyInAnyOrder(
                "LEAVE lobby Alice (2) -> Bob", "LEAVE lobby Alice (2) -> Carol", "LEAVE games Alice (1) -> Carol");
    }

    @Test
    void givenOneOfTwoTabsOfAUser_disconnect_announcesNothingUntilTheLastEnds() {
        UserId ada = new UserId("auth0|ada");
        Connection firstTab = chat.active("Ada", ada);
        Connection secondTab = chat.active("Ada again", ada);
        chat.active("Bob");

        service.disconnect(new DisconnectCommand(firstTab.id(), CLIENT_CLOSED));
        var afterTheFirst = chat.announcements();
        service.disconnect(new DisconnectCommand(secondTab.id(), CLIENT_CLOSED));

        assertThat(afterTheFirst).isEmpty();
        assertThat(chat.announcements()).containsExactly("LEAVE lobby Ada again (1) -> Bob");
    }

    @Test
    void givenDisconnectedConnection_disconnectAgain_announcesNothingMore() {
        Connection alice = chat.active("Alice");
        chat.active("Bob");
        service.disconnect(new DisconnectCommand(alice.id(), CLIENT_CLOSED));

        service.disconnect(new DisconnectCommand(alice.id(), CLIENT_CLOSED));

        assertThat(chat.announcements()).containsExactly("LEAVE lobby Alice (1) -> Bob");
    }

    @Test
    void givenConnectionEndedButStillInItsRooms_disconnect_completesTheCleanup() {
        Connection alice = chat.active("Alice");
        chat.active("Bob");
        chat.registry.markDisconnected(alice.id(), ChatFixture.EARLIER_DISCONNECTION);

        service.disconnect(new DisconnectCommand(alice.id(), CLIENT_CLOSED));

        assertThat(chat.recordOf(alice).disconnection()).contains(ChatFixture.EARLIER_DISCONNECTION);
        assertThat(chat.rooms.roomsOf(alice.id())).isEmpty();
        assertThat(chat.announcements()).containsExactly("LEAVE lobby Alice (1) -> Bob");
    }

    @Test
    void givenRemainingMemberFoundGoneByTheLeave_disconnect_takesItOutOfItsRoomsToo() {
        Connection alice = chat.active("Alice");
        Connection bob = chat.active("Bob");
        Connection ghost = chat.active("Ghost");
        chat.join(ghost, GAMES);
        chat.publisher.answer(ghost.id(), DeliveryResult.gone());

        service.disconnect(new DisconnectCommand(alice.id(), CLIENT_CLOSED));

        assertThat(chat.recordOf(ghost).disconnection()).contains(new Disconnection(NOW, DisconnectReason.gone()));
        assertThat(chat.rooms.roomsOf(ghost.id())).isEmpty();
        assertThat(chat.rooms.members(RoomName.LOBBY)).containsExactly(bob.id());
        assertThat(chat.announcements()).containsExactlyInAnyOrder(
                "LEAVE lobby Alice (2) -> Bob", "LEAVE lobby Alice (2) -> Ghost", "LEAVE lobby Ghost (1) -> Bob");
    }

    @Test
    void givenUnknownId_disconnect_createsNothing() {
        Connection alice = chat.active("Alice");
        ConnectionId stranger = ChatFixture.idOf("Stranger");

        service.disconnect(new DisconnectCommand(stranger, CLIENT_CLOSED));

        assertThat(chat.registry.find(stranger)).isEmpty();
        assertThat(chat.registry.activeConnections()).containsExactly(alice);
        assertThat(chat.publisher.sent()).isEmpty();
    }
}
