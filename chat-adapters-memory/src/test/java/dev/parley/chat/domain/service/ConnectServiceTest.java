package dev.parley.chat.domain.service;

import static dev.parley.chat.domain.service.ChatFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.domain.fakes.RecordingMessagePublisher;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.ConnectionLimit;
import dev.parley.chat.domain.model.DisconnectReason;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.Member;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.PresenceEvent;
import dev.parley.chat.domain.model.RoomAccess;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.port.in.ConnectCommand;
import dev.parley.chat.domain.port.in.ConnectResult;
import dev.parley.chat.domain.port.in.DisconnectCommand;
import dev.parley.chat.domain.port.in.SendMessageCommand;
import dev.parley.chat.domain.port.out.DeliveryResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConnectServiceTest {

    private static final ConnectionId ID = new ConnectionId("L0SM9cOFvHcCIhw=");
    private static final DisplayName GUEST_NAME = new DisplayName("guest-L0SM");
    private static final UserId ADA = new UserId("auth0|ada");

    private final ChatFixture chat = new ChatFixture();
    private final ConnectService service =
            new ConnectService(chat.registry, chat.rooms, chat.publisher, chat.clock, chat.limits, RoomLimit.DEFAULT,
                    ConnectionLimit.DEFAULT);

    @Test
    void givenRequestedNameWithSurroundingWhitespace_connect_registersTheTrimmedName() {
        Connection connection = connected(new ConnectCommand(ID, Optional.of("  Alice \t")));

        assertThat(connection.displayName()).isEqualTo(new DisplayName("Alice"));
        assertThat(chat.registry.findActive(ID)).contains(connection);
    }

    @Test
    void givenRequestedName_connect_registersAnActiveConnectionAtTheClockInstant() {
        Connection connection = connected(new ConnectCommand(ID, Optional.of("Alice")));

        assertThat(connection).isEqualTo(new Connection(ID, new DisplayName("Alice"), NOW));
        assertThat(chat.registry.find(ID)).hasValueSatisfying(record -> {
            assertThat(record.connection()).isEqualTo(connection);
            assertThat(record.isActive()).isTrue();
            assertThat(record.latestMessage()).isEmpty();
            assertThat(record.latestBroadcast()).isEmpty();
        });
    }

    @Test
    void givenAuthorizedUser_connect_registersTheConnectionAsThatUser() {
        UserId alice = new UserId("auth0|alice");

        Connection connection = connected(new ConnectCommand(ID, Optional.of("Alice"), Optional.of(alice)));

        assertThat(connection).isEqualTo(new Connection(ID, new DisplayName("Alice"), NOW, Optional.of(alice)));
        assertThat(chat.registry.findActive(ID)).contains(connection);
    }

    @Test
    void givenTokenAdmittingSomeRooms_connect_registersTheConnectionWithThatAccess() {
        RoomAccess teams = RoomAccess.only(List.of("team-*"));

        Connection connection = connected(new ConnectCommand(ID, Optional.of("Alice"),
                Optional.of(new UserId("auth0|alice")), teams));

        assertThat(connection.roomAccess()).isEqualTo(teams);
        assertThat(chat.registry.findActive(ID)).contains(connection);
    }

    @Test
    void givenOthersInTheLobby_connect_joinsTheLobbyAndAnnouncesTheNewPresenceToThem() {
        Connection bob = chat.active("Bob");
        Connection carol = chat.active("Carol");

        Connection connection = connected(new ConnectCommand(ID, Optional.of("Alice")));

        assertThat(chat.rooms.roomsOf(ID)).containsExactly(RoomName.LOBBY);
        assertThat(chat.publisher.sent()).extracting(RecordingMessagePublisher.Sent::recipient)
                .containsExactlyInAnyOrder(bob.id(), carol.id());
        assertThat(chat.publisher.sent().stream().map(RecordingMessagePublisher.Sent::message).distinct()).singleElement()
                .isInstanceOfSatisfying(PresenceEvent.class, event -> {
                    assertThat(event.room()).isEqualTo(RoomName.LOBBY);
                    assertThat(event.kind()).isEqualTo(PresenceEvent.Kind.JOIN);
                    assertThat(event.member()).isEqualTo(Member.of(connection));
                    assertThat(event.count()).isEqualTo(3);
                    assertThat(event.sentAt()).isEqualTo(NOW);
                });
    }

    @Test
    void givenAnotherClientStillOpeningAnsweringGone_connect_leavesItConnectedAndInTheLobby() {
        // Connected a moment ago: its own $connect may not have finished, so the transport refuses the send with 410.
        Connection bob = chat.activeSince("Bob", NOW.minusMillis(200));
        Connection carol = chat.active("Carol");
        chat.publisher.answer(bob.id(), DeliveryResult.gone());

        connected(new ConnectCommand(ID, Optional.of("Alice")));

        assertThat(chat.registry.findActive(bob.id())).isPresent();
        assertThat(chat.rooms.roomsOf(bob.id())).containsExactly(RoomName.LOBBY);
        assertThat(chat.announcements()).containsExactlyInAnyOrder("JOIN lobby Alice (3) -> Bob",
                "JOIN lobby Alice (3) -> Carol");
    }

    @Test
    void givenTheUsersOtherTabInTheLobby_connect_joinsTheLobbyWithoutAnnouncingAnything() {
        UserId ada = new UserId("auth0|ada");
        chat.active("Ada's first tab", ada);
        chat.active("Bob");

        connected(new ConnectCommand(ID, Optional.of("Ada"), Optional.of(ada)));

        assertThat(chat.rooms.roomsOf(ID)).containsExactly(RoomName.LOBBY);
        assertThat(chat.rooms.members(RoomName.LOBBY)).hasSize(3);
        assertThat(chat.publisher.sent()).isEmpty();
    }

    @Test
    void givenNobodyElse_connect_joinsTheLobbyAndSendsNothing() {
        connected(new ConnectCommand(ID, Optional.empty()));

        assertThat(chat.rooms.members(RoomName.LOBBY)).containsExactly(ID);
        assertThat(chat.publisher.sent()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("namesHidingOrReorderingText")
    void givenNameHidingOrReorderingText_connect_isRefusedAndStoresAndSendsNothing(String requested) {
        chat.active("Bob");

        ConnectResult result = service.connect(new ConnectCommand(ID, Optional.of(requested)));

        assertThat(result).isInstanceOf(ConnectResult.InvalidName.class);
        assertThat(chat.registry.find(ID)).isEmpty();
        assertThat(chat.rooms.roomsOf(ID)).isEmpty();
        assertThat(chat.publisher.sent()).isEmpty();
    }

    static Stream<String> namesHidingOrReorderingText() {
        return Stream.of("Al\u200Bice", "\u200FAlice", "Alice\u202E", "\u2066Bob\u2069", "\uFEFFBob", "\u202A", "Ann\u200D");
    }

    @Test
    void givenNoAuthorizedUser_connect_registersAnAnonymousConnection() {
        Connection connection = connected(new ConnectCommand(ID, Optional.of("Alice")));

        assertThat(connection.userId()).isEmpty();
        assertThat(chat.registry.findActive(ID)).hasValueSatisfying(found -> assertThat(found.userId()).isEmpty());
    }

    @Test
    void givenNoRequestedName_connect_namesItGuestAndTheFirstFourCharactersOfTheId() {
        Connection connection = connected(new ConnectCommand(ID, Optional.empty()));

        assertThat(connection.displayName()).isEqualTo(GUEST_NAME);
        assertThat(chat.registry.findActive(ID)).contains(connection);
    }

    @ParameterizedTest
    @MethodSource("unacceptableNames")
    void givenUnacceptableRequestedName_connect_fallsBackToTheGuestName(String requested) {
        Connection connection = connected(new ConnectCommand(ID, Optional.of(requested)));

        assertThat(connection.displayName()).isEqualTo(GUEST_NAME);
        assertThat(chat.registry.findActive(ID)).contains(connection);
    }

    static Stream<String> unacceptableNames() {
        return Stream.of(
                "",
                "   ",
                " \t\n\r ",
                "x".repeat(DisplayName.MAX_LENGTH + 1),
                "\uD83D\uDE00".repeat(DisplayName.MAX_LENGTH + 1),
                "Al\u0000ice",
                "Bob\u0007",
                "Ca\nrol",
                "Dan\u0085",
                "\u007F");
    }

    @Test
    void givenNameOf32CodePointsOutsideTheBasicPlane_connect_keepsIt() {
        String emoji = "\uD83D\uDE00".repeat(DisplayName.MAX_LENGTH);

        Connection connection = connected(new ConnectCommand(ID, Optional.of(emoji)));

        assertThat(connection.displayName().value()).isEqualTo(emoji);
    }

    @Test
    void givenNameOf32CharactersInsideSpaces_connect_keepsTheTrimmedName() {
        String name = "x".repeat(DisplayName.MAX_LENGTH);

        Connection connection = connected(new ConnectCommand(ID, Optional.of("  " + name + " ")));

        assertThat(connection.displayName().value()).isEqualTo(name);
    }

    @Test
    void givenAUserWithAsManyConnectionsAsAllowed_connectAnother_isRefusedAndStoresAndAnnouncesNothing() {
        List<Connection> tabs = IntStream.range(0, 5).mapToObj(n -> connected(ofAda("tab" + n))).toList();
        chat.active("Bob");
        int sentBefore = chat.publisher.sent().size();

        ConnectResult sixth = service.connect(ofAda("sixth"));

        assertThat(sixth).isEqualTo(new ConnectResult.TooManyConnections(ConnectionLimit.DEFAULT));
        assertThat(chat.registry.find(ChatFixture.idOf("sixth"))).isEmpty();
        assertThat(chat.publisher.sent()).hasSize(sentBefore);
        assertThat(chat.limits.connectionsOf(ADA).open()).containsOnlyKeys(tabs.stream().map(Connection::id).toList());
    }

    @Test
    void givenAnonymousConnections_connectMoreThanAUserMay_admitsEach() {
        IntStream.range(0, 6).forEach(n -> connected(new ConnectCommand(ChatFixture.idOf("guest" + n), Optional.empty())));

        assertThat(chat.registry.activeConnections()).hasSize(6);
    }

    @Test
    void givenAUserAtTheLimitWhoseConnectionDisconnected_connectAnother_isAdmitted() {
        List<Connection> tabs = IntStream.range(0, 5).mapToObj(n -> connected(ofAda("tab" + n))).toList();
        new DisconnectService(chat.registry, chat.rooms, chat.publisher, chat.clock, chat.limits)
                .disconnect(new DisconnectCommand(tabs.get(2).id(), DisconnectReason.closed(1000, "bye")));

        assertThat(service.connect(ofAda("sixth"))).isInstanceOf(ConnectResult.Connected.class);
    }

    @Test
    void givenAUserAtTheLimitWhoseConnectionASendFoundGone_connectAnother_isAdmitted() {
        List<Connection> tabs = IntStream.range(0, 5).mapToObj(n -> connected(ofAda("tab" + n))).toList();
        Connection bob = chat.active("Bob");
        chat.clock.advance(Connection.OPENING_TIME);
        chat.publisher.answer(tabs.get(0).id(), DeliveryResult.gone());
        chat.sendService(chat.registry)
                .send(new SendMessageCommand(bob.id(), new MessageText("anyone?"), Optional.empty()));

        assertThat(service.connect(ofAda("sixth"))).isInstanceOf(ConnectResult.Connected.class);
        assertThat(chat.limits.connectionsOf(ADA).open()).doesNotContainKey(tabs.get(0).id());
    }

    @Test
    void givenAUserAtTheLimitWhoseDisconnectsWereLost_connectOnceTheTransportClosedThemForCertain_isAdmitted() {
        IntStream.range(0, 5).forEach(n -> connected(ofAda("tab" + n)));
        chat.clock.advance(Connection.MAX_DURATION.minusMillis(1));
        assertThat(service.connect(ofAda("too early"))).isInstanceOf(ConnectResult.TooManyConnections.class);

        chat.clock.advance(Duration.ofMillis(1));

        assertThat(service.connect(ofAda("sixth"))).isInstanceOf(ConnectResult.Connected.class);
    }

    private static ConnectCommand ofAda(String tab) {
        return new ConnectCommand(ChatFixture.idOf(tab), Optional.of("Ada"), Optional.of(ADA));
    }

    private Connection connected(ConnectCommand command) {
        ConnectResult result = service.connect(command);
        assertThat(result).isInstanceOf(ConnectResult.Connected.class);
        return ((ConnectResult.Connected) result).connection();
    }
}
