package dev.parley.chat.domain.service;

import static dev.parley.chat.domain.service.ChatFixture.EARLIER_DISCONNECTION;
import static dev.parley.chat.domain.service.ChatFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.domain.fakes.RecordingMessagePublisher;
import dev.parley.chat.domain.model.ChatMessage;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisconnectReason;
import dev.parley.chat.domain.model.Disconnection;
import dev.parley.chat.domain.model.Member;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.PostedText;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.port.in.SendMessageCommand;
import dev.parley.chat.domain.port.in.SendMessageCommand.ToRoom;
import dev.parley.chat.domain.port.in.SendMessageCommand.ToUser;
import dev.parley.chat.domain.port.in.SendMessageResult;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.domain.port.out.DeliveryResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SendMessageServiceTest {

    private static final MessageText HELLO = new MessageText("hello, everyone");
    private static final RoomName GAMES = new RoomName("games");
    private static final RoomName MUSIC = new RoomName("music");

    private final ChatFixture chat = new ChatFixture();
    private final SendMessageService service =
            chat.sendService(chat.registry);

    @Test
    void givenOtherActiveAndDisconnectedConnections_send_deliversOneCopyToEachOtherActiveConnection() {
        Connection alice = chat.active("Alice");
        Connection bob = chat.active("Bob");
        Connection carol = chat.active("Carol");
        chat.disconnected("Dave");

        SendMessageResult.Sent sent = sentBy(service.send(toEveryone(alice)));

        assertThat(chat.publisher.sent())
                .extracting(RecordingMessagePublisher.Sent::recipient)
                .containsExactlyInAnyOrder(bob.id(), carol.id());
        assertThat(chat.publisher.sent())
                .extracting(RecordingMessagePublisher.Sent::message)
                .containsOnly(sent.message());
        assertThat(sent.recipients()).isEqualTo(2);
    }

    @Test
    void givenActiveSender_send_messageCarriesSenderIdNameTextAndClockInstant() {
        Connection alice = chat.active("Alice");
        chat.active("Bob");

        ChatMessage message = sentBy(service.send(toEveryone(alice))).message();

        assertThat(message.from()).isEqualTo(alice.id());
        assertThat(message.senderName()).isEqualTo(alice.displayName());
        assertThat(message.text()).isEqualTo(HELLO);
        assertThat(message.sentAt()).isEqualTo(NOW);
        assertThat(message.direct()).isFalse();
    }

    @Test
    void givenActiveSender_send_storesTheMessageAndItsTimeOnTheSenderOnly() {
        Connection alice = chat.active("Alice");
        Connection bob = chat.active("Bob");

        service.send(toEveryone(alice));

        assertThat(chat.recordOf(alice).latestMessage()).contains(new PostedText(HELLO, NOW));
        assertThat(chat.recordOf(alice).isActive()).isTrue();
        assertThat(chat.recordOf(bob).latestMessage()).isEmpty();
        assertThat(chat.recordOf(bob).latestBroadcast()).isEmpty();
    }

    @Test
    void givenSenderAlone_send_storesTheMessageAndReachesNobody() {
        Connection alice = chat.active("Alice");

        SendMessageResult.Sent sent = sentBy(service.send(toEveryone(alice)));

        assertThat(sent.recipients()).isZero();
        assertThat(chat.publisher.sent()).isEmpty();
        assertThat(chat.recordOf(alice).latestMessage()).contains(new PostedText(HELLO, NOW));
    }

    @Test
    void givenRoomMembers_sendToRoom_deliversToItsOtherMembersOnlyAsAMessageOfThatRoom() {
        Connection alice = chat.active("Alice");
        Connection bob = chat.active("Bob");
        Connection carol = chat.active("Carol");
        chat.active("Dave");
        List.of(alice, bob, carol).forEach(member -> chat.join(member, GAMES));

        SendMessageResult.Sent sent = sentBy(service.send(new SendMessageCommand(alice.id(), HELLO, new ToRoom(GAMES))));

        assertThat(sent.message().room()).contains(GAMES);
        assertThat(sent.message().direct()).isFalse();
        assertThat(chat.publisher.sent()).containsExactlyInAnyOrder(
                new RecordingMessagePublisher.Sent(bob.id(), sent.message()),
                new RecordingMessagePublisher.Sent(carol.id(), sent.message()));
        assertThat(sent.recipients()).isEqualTo(2);
        assertThat(chat.recordOf(alice).latestMessage()).contains(new PostedText(HELLO, NOW));
    }

    @Test
    void givenSenderNotInTheRoom_sendToRoom_answersNotAMemberAndStoresAndSendsNothing() {
        Connection alice = chat.active("Alice");
        chat.join(chat.active("Bob"), GAMES);

        SendMessageResult result = service.send(new SendMessageCommand(alice.id(), HELLO, new ToRoom(GAMES)));

        assertThat(result).isEqualTo(new SendMessageResult.NotAMember(GAMES));
        assertThat(chat.publisher.sent()).isEmpty();
        assertThat(chat.recordOf(alice).latestMessage()).isEmpty();
    }

    @Test
    void givenSenderThatLeftTheLobby_sendWithoutRoom_answersNotAMemberOfTheLobby() {
        Connection alice = chat.active("Alice");
        chat.active("Bob");
        chat.rooms.leave(RoomName.LOBBY, Member.of(alice));

        SendMessageResult result = service.send(toEveryone(alice));

        assertThat(result).isEqualTo(new SendMessageResult.NotAMember(RoomName.LOBBY));
        assertThat(chat.publisher.sent()).isEmpty();
    }

    @Test
    void givenConnectionThatLeftTheLobby_sendWithoutRoom_doesNotReachIt() {
        Connection alice = chat.active("Alice");
        Connection bob = chat.active("Bob");
        Connection carol = chat.active("Carol");
        chat.rooms.leave(RoomName.LOBBY, Member.of(carol));

        SendMessageResult.Sent sent = sentBy(service.send(toEveryone(alice)));

        assertThat(sent.message().room()).contains(RoomName.LOBBY);
        assertThat(chat.publisher.sent()).containsExactly(new RecordingMessagePublisher.Sent(bob.id(), sent.message()));
    }

    @Test
    void givenSenderOfAnAuthorizedUser_send_messageCarriesTheUsersId() {
        UserId ada = new UserId("auth0|ada");
        Connection sender = chat.active("Ada", ada);
        chat.active("Bob");

        ChatMessage message = sentBy(service.send(toEveryone(sender))).message();

        assertThat(message.senderUserId()).contains(ada);
        assertThat(message.senderName()).isEqualTo(sender.displayName());
    }

    @Test
    void givenUserWithSeveralConnections_sendToUser_deliversToEachActiveOneAsDirect() {
        Connection alice = chat.active("Alice");
        UserId ada = new UserId("auth0|ada");
        Connection firstTab = chat.active("Ada", ada);
        Connection secondTab = chat.active("Ada again", ada);
        chat.join(secondTab, GAMES);
        chat.rooms.leave(RoomName.LOBBY, Member.of(secondTab));
        chat.active("Bob", new UserId("auth0|bob"));
        Connection closedTab = chat.active("Ada's closed tab", ada);
        chat.registry.markDisconnected(closedTab.id(), EARLIER_DISCONNECTION);

        SendMessageResult.Sent sent = sentBy(service.send(new SendMessageCommand(alice.id(), HELLO, new ToUser(ada))));

        assertThat(sent.message().direct()).isTrue();
        assertThat(chat.publisher.sent()).containsExactlyInAnyOrder(
                new RecordingMessagePublisher.Sent(firstTab.id(), sent.message()),
                new RecordingMessagePublisher.Sent(secondTab.id(), sent.message()));
        assertThat(sent.recipients()).isEqualTo(2);
        assertThat(chat.recordOf(alice).latestMessage()).contains(new PostedText(HELLO, NOW));
    }

    @Test
    void givenSenderIsTheUser_sendToUser_reachesItsOtherConnectionsOnly() {
        UserId ada = new UserId("auth0|ada");
        Connection firstTab = chat.active("Ada", ada);
        Connection secondTab = chat.active("Ada again", ada);

        SendMessageResult.Sent sent = sentBy(service.send(new SendMessageCommand(firstTab.id(), HELLO, new ToUser(ada))));

        assertThat(chat.publisher.sent()).containsExactly(new RecordingMessagePublisher.Sent(secondTab.id(), sent.message()));
    }

    @Test
    void givenUserWithoutAnyOtherActiveConnection_sendToUser_answersUnknownUserAndStoresAndSendsNothing() {
        UserId ada = new UserId("auth0|ada");
        Connection onlyTab = chat.active("Ada", ada);
        Connection alice = chat.active("Alice");
        UserId nobody = new UserId("auth0|nobody");
        Connection nobodysClosedTab = chat.active("Nobody's tab", nobody);
        chat.registry.markDisconnected(nobodysClosedTab.id(), EARLIER_DISCONNECTION);

        SendMessageResult toNobody = service.send(new SendMessageCommand(alice.id(), HELLO, new ToUser(nobody)));
        SendMessageResult toHerself = service.send(new SendMessageCommand(onlyTab.id(), HELLO, new ToUser(ada)));

        assertThat(toNobody).isEqualTo(new SendMessageResult.UnknownUser(nobody));
        assertThat(toHerself).isEqualTo(new SendMessageResult.UnknownUser(ada));
        assertThat(chat.publisher.sent()).isEmpty();
    }

    @Test
    void givenRoomMemberAnsweringGone_sendToRoom_marksItAndTakesItOutOfEveryRoomAnnouncingItsLeave() {
        Connection alice = chat.active("Alice");
        Connection bob = chat.active("Bob");
        Connection ghost = chat.active("Ghost");
        List.of(alice, bob, ghost).forEach(member -> chat.join(member, GAMES));
        chat.publisher.answer(ghost.id(), DeliveryResult.gone());

        SendMessageResult.Sent sent = sentBy(service.send(new SendMessageCommand(alice.id(), HELLO, new ToRoom(GAMES))));

        assertThat(sent.recipients()).isEqualTo(1);
        assertThat(chat.recordOf(ghost).disconnection()).contains(new Disconnection(NOW, DisconnectReason.gone()));
        assertThat(chat.rooms.roomsOf(ghost.id())).isEmpty();
        assertThat(chat.announcements()).containsExactlyInAnyOrder(
                "LEAVE lobby Ghost (2) -> Alice", "LEAVE lobby Ghost (2) -> Bob",
                "LEAVE games Ghost (2) -> Alice", "LEAVE games Ghost (2) -> Bob");
    }

    @Test
    void givenRoomMemberStillOpeningAnsweringGone_send_neitherMarksItNorTakesItOutOfItsRooms() {
        Connection alice = chat.active("Alice");
        Connection bob = chat.active("Bob");
        Connection opening = chat.activeSince("Opening", NOW.minus(Connection.OPENING_TIME).plusNanos(1));
        List.of(alice, bob, opening).forEach(member -> chat.join(member, GAMES));
        chat.publisher.answer(opening.id(), DeliveryResult.gone());

        SendMessageResult.Sent sent = sentBy(service.send(new SendMessageCommand(alice.id(), HELLO, new ToRoom(GAMES))));

        assertThat(sent.recipients()).isEqualTo(1);
        assertThat(chat.recordOf(opening).disconnection()).isEmpty();
        assertThat(chat.rooms.roomsOf(opening.id())).containsExactlyInAnyOrder(RoomName.LOBBY, GAMES);
        assertThat(chat.announcements()).isEmpty();
    }

    @Test
    void givenMemberAnsweringGoneOnceItsOpeningTimeIsOver_send_marksItAndTakesItOutOfItsRooms() {
        Connection alice = chat.active("Alice");
        Connection bob = chat.active("Bob");
        Connection ghost = chat.activeSince("Ghost", NOW);
        chat.publisher.answer(ghost.id(), DeliveryResult.gone());
        sentBy(service.send(toEveryone(alice)));
        assertThat(chat.registry.findActive(ghost.id())).isPresent();

        chat.clock.advance(Connection.OPENING_TIME);
        sentBy(service.send(toEveryone(alice)));

        assertThat(chat.recordOf(ghost).disconnection())
                .contains(new Disconnection(NOW.plus(Connection.OPENING_TIME), DisconnectReason.gone()));
        assertThat(chat.rooms.roomsOf(ghost.id())).isEmpty();
        assertThat(chat.announcements()).containsExactlyInAnyOrder(
                "LEAVE lobby Ghost (2) -> Alice", "LEAVE lobby Ghost (2) -> Bob");
    }

    @Test
    void givenGoneConnectionsSharingRooms_send_cleansUpEachOnceAndEnds() {
        Connection alice = chat.active("Alice");
        Connection first = chat.active("First ghost");
        Connection second = chat.active("Second ghost");
        chat.rooms.leave(RoomName.LOBBY, Member.of(second));
        for (RoomName room : List.of(GAMES, MUSIC)) {
            chat.join(first, room);
            chat.join(second, room);
        }
        chat.publisher.answer(first.id(), DeliveryResult.gone()).answer(second.id(), DeliveryResult.gone());
        var counting = new MarkRecordingRegistry(chat.registry);
        List<ConnectionId> marked = counting.marked;
        var countedService =
                chat.sendService(counting);

        SendMessageResult.Sent sent = sentBy(countedService.send(toEveryone(alice)));

        // The second ghost was found gone by both of the first's leaves, and handled once.
        assertThat(marked).containsExactly(first.id(), second.id());
        assertThat(sent.recipients()).isZero();
        assertThat(List.of(first, second)).allSatisfy(ghost -> {
            assertThat(chat.registry.findActive(ghost.id())).isEmpty();
            assertThat(chat.rooms.roomsOf(ghost.id())).isEmpty();
        });
        // The first ghost's leaves met the second, whose own leaves found nobody left to tell.
        assertThat(chat.announcements()).containsExactlyInAnyOrder(
                "LEAVE lobby First ghost (1) -> Alice",
                "LEAVE games First ghost (1) -> Second ghost", "LEAVE music First ghost (1) -> Second ghost");
    }

    @Test
    void givenActiveRecipient_sendDirect_deliversOnlyToThatConnectionAsDirect() {
        Connection alice = chat.active("Alice");
        chat.active("Bob");
        Connection carol = chat.active("Carol");

        SendMessageResult.Sent sent = sentBy(service.send(direct(alice, carol.id())));

        assertThat(chat.publisher.sent()).containsExactly(new RecordingMessagePublisher.Sent(carol.id(), sent.message()));
        assertThat(sent.message().direct()).isTrue();
        assertThat(sent.message().from()).isEqualTo(alice.id());
        assertThat(sent.recipients()).isEqualTo(1);
        assertThat(chat.recordOf(alice).latestMessage()).contains(new PostedText(HELLO, NOW));
    }

    @Test
    void givenUnknownRecipient_sendDirect_answersUnknownRecipientAndStoresAndSendsNothing() {
        Connection alice = chat.active("Alice");
        chat.active("Bob");
        ConnectionId stranger = ChatFixture.idOf("Stranger");

        SendMessageResult result = service.send(direct(alice, stranger));

        assertThat(result).isEqualTo(new SendMessageResult.UnknownRecipient(stranger));
        assertThat(chat.publisher.sent()).isEmpty();
        assertThat(chat.recordOf(alice).latestMessage()).isEmpty();
        assertThat(chat.registry.find(stranger)).isEmpty();
    }

    @Test
    void givenDisconnectedRecipient_sendDirect_answersUnknownRecipientAndStoresAndSendsNothing() {
        Connection alice = chat.active("Alice");
        Connection dave = chat.disconnected("Dave");

        SendMessageResult result = service.send(direct(alice, dave.id()));

        assertThat(result).isEqualTo(new SendMessageResult.UnknownRecipient(dave.id()));
        assertThat(chat.publisher.sent()).isEmpty();
        assertThat(chat.recordOf(alice).latestMessage()).isEmpty();
        assertThat(chat.recordOf(dave).disconnection()).contains(EARLIER_DISCONNECTION);
    }

    @Test
    void givenUnregisteredSender_send_answersSenderNotConnectedAndStoresAndSendsNothing() {
        Connection bob = chat.active("Bob");
        ConnectionId stranger = ChatFixture.idOf("Stranger");

        SendMessageResult result = service.send(new SendMessageCommand(stranger, HELLO, Optional.empty()));

        assertThat(result).isEqualTo(new SendMessageResult.SenderNotConnected(stranger));
        assertThat(chat.publisher.sent()).isEmpty();
        assertThat(chat.registry.find(stranger)).isEmpty();
        assertThat(chat.recordOf(bob).latestMessage()).isEmpty();
    }

    @Test
    void givenDisconnectedSender_send_answersSenderNotConnectedAndStoresAndSendsNothing() {
        Connection dave = chat.disconnected("Dave");
        chat.active("Bob");

        SendMessageResult result = service.send(toEveryone(dave));

        assertThat(result).isEqualTo(new SendMessageResult.SenderNotConnected(dave.id()));
        assertThat(chat.publisher.sent()).isEmpty();
        assertThat(chat.recordOf(dave).latestMessage()).isEmpty();
        assertThat(chat.recordOf(dave).disconnection()).contains(EARLIER_DISCONNECTION);
    }

    @Test
    void givenDisconnectedSenderAndActiveRecipient_sendDirect_answersSenderNotConnectedAndSendsNothing() {
        Connection dave = chat.disconnected("Dave");
        Connection bob = chat.active("Bob");

        SendMessageResult result = service.send(direct(dave, bob.id()));

        assertThat(result).isEqualTo(new SendMessageResult.SenderNotConnected(dave.id()));
        assertThat(chat.publisher.sent()).isEmpty();
        assertThat(chat.recordOf(dave).latestMessage()).isEmpty();
    }

    @Test
    void givenRecipientAnsweringGone_send_marksOnlyThatRecipientDisconnectedAsGone() {
        Connection alice = chat.active("Alice");
        Connection bob = chat.active("Bob");
        Connection carol = chat.active("Carol");
        Connection erin = chat.active("Erin");
        chat.publisher.answer(carol.id(), DeliveryResult.gone());

        SendMessageResult.Sent sent = sentBy(service.send(toEveryone(alice)));

        assertThat(chat.recordOf(carol).disconnection()).contains(new Disconnection(NOW, DisconnectReason.gone()));
        assertThat(chat.registry.activeConnections()).containsExactlyInAnyOrder(alice, bob, erin);
        assertThat(sent.recipients()).isEqualTo(2);
    }

    @Test
    void givenRecipientsThrottledOrFailing_send_neitherMarksNorCountsThem() {
        Connection alice = chat.active("Alice");
        Connection bob = chat.active("Bob");
        Connection carol = chat.active("Carol");
        Connection erin = chat.active("Erin");
        chat.publisher.answer(bob.id(), new DeliveryResult.Throttled(3));
        chat.publisher.answer(carol.id(), new DeliveryResult.Failed("403 Forbidden"));

        SendMessageResult.Sent sent = sentBy(service.send(toEveryone(alice)));

        assertThat(chat.publisher.sent())
                .extracting(RecordingMessagePublisher.Sent::recipient)
                .containsExactlyInAnyOrder(bob.id(), carol.id(), erin.id());
        assertThat(chat.registry.activeConnections()).containsExactlyInAnyOrder(alice, bob, carol, erin);
        assertThat(sent.recipients()).isEqualTo(1);
    }

    @Test
    void givenDirectRecipientAnsweringGone_sendDirect_marksItDisconnectedAndCountsNoRecipient() {
        Connection alice = chat.active("Alice");
        Connection bob = chat.active("Bob");
        chat.publisher.answer(bob.id(), DeliveryResult.gone());

        SendMessageResult.Sent sent = sentBy(service.send(direct(alice, bob.id())));

        assertThat(sent.recipients()).isZero();
        assertThat(chat.recordOf(bob).disconnection()).contains(new Disconnection(NOW, DisconnectReason.gone()));
        assertThat(chat.registry.activeConnections()).containsExactly(alice);
        assertThat(chat.recordOf(alice).latestMessage()).contains(new PostedText(HELLO, NOW));
    }

    private static SendMessageCommand toEveryone(Connection sender) {
        return new SendMessageCommand(sender.id(), HELLO, Optional.empty());
    }

    private static SendMessageCommand direct(Connection sender, ConnectionId recipient) {
        return new SendMessageCommand(sender.id(), HELLO, Optional.of(recipient));
    }

    private static SendMessageResult.Sent sentBy(SendMessageResult result) {
        assertThat(result).isInstanceOf(SendMessageResult.Sent.class);
        return (SendMessageResult.Sent) result;
    }

    /** The shared registry, noting each connection marked disconnected, in order. */
    private static final class MarkRecordingRegistry extends DelegatingConnectionRegistry {

        final List<ConnectionId> marked = new ArrayList<>();

        MarkRecordingRegistry(ConnectionRegistry shared) {
            super(shared);
        }

        @Override
        public boolean markDisconnected(ConnectionId id, Disconnection disconnection) {
            marked.add(id);
            return super.markDisconnected(id, disconnection);
        }
    }
}
