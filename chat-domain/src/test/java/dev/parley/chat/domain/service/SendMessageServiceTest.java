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
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.Posted;
import dev.parley.chat.domain.port.in.SendMessageCommand;
import dev.parley.chat.domain.port.in.SendMessageResult;
import dev.parley.chat.domain.port.out.DeliveryResult;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SendMessageServiceTest {

    private static final MessageText HELLO = new MessageText("hello, everyone");

    private final ChatFixture chat = new ChatFixture();
    private final SendMessageService service = new SendMessageService(chat.registry, chat.publisher, chat.clock);

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

        assertThat(chat.recordOf(alice).latestMessage()).contains(new Posted(HELLO, NOW));
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
        assertThat(chat.recordOf(alice).latestMessage()).contains(new Posted(HELLO, NOW));
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
        assertThat(chat.recordOf(alice).latestMessage()).contains(new Posted(HELLO, NOW));
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
        assertThat(chat.recordOf(alice).latestMessage()).contains(new Posted(HELLO, NOW));
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
}
