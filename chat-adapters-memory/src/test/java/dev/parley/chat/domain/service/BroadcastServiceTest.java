package dev.parley.chat.domain.service;

import static dev.parley.chat.domain.service.ChatFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.domain.fakes.RecordingMessagePublisher;
import dev.parley.chat.domain.model.BroadcastMessage;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.DisconnectReason;
import dev.parley.chat.domain.model.Disconnection;
import dev.parley.chat.domain.model.Member;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.PostedText;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.model.PresenceEvent;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.port.in.BroadcastCommand;
import dev.parley.chat.domain.port.in.BroadcastReport;
import dev.parley.chat.domain.port.out.DeliveryResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BroadcastServiceTest {

    private static final MessageText NOTICE = new MessageText("maintenance at noon");
    private static final BroadcastCommand BROADCAST_NOTICE = new BroadcastCommand(NOTICE);
    private static final RoomName GAMES = new RoomName("games");

    private final ChatFixture chat = new ChatFixture();
    private final BroadcastService service = new BroadcastService(chat.registry, chat.rooms, chat.publisher, chat.clock, chat.limits);

    @Test
    void givenActiveAndDisconnectedConnections_broadcast_sendsOneBroadcastMessageToEachActiveConnection() {
        Connection alice = chat.active("Alice");
        Connection bob = chat.active("Bob");
        chat.disconnected("Dave");

        BroadcastReport report = service.broadcast(BROADCAST_NOTICE);

        var expected = new BroadcastMessage(report.broadcastId(), NOTICE, NOW);
        assertThat(chat.publisher.sent()).containsExactlyInAnyOrder(
                new RecordingMessagePublisher.Sent(alice.id(), expected),
                new RecordingMessagePublisher.Sent(bob.id(), expected));
        assertThat(report).isEqualTo(new BroadcastReport(report.broadcastId(), 2, 2, 0, 0));
    }

    @Test
    void givenEveryKindOfOutcome_broadcast_reportCountsEachWithThrottledAsFailed() {
        new EveryKindOfOutcome();

        BroadcastReport report = service.broadcast(BROADCAST_NOTICE);

        assertThat(broadcastsSent()).hasSize(5);
        assertThat(broadcastsSent())
                .extracting(sent -> sent.message().id())
                .containsOnly(report.broadcastId());
        assertThat(report.attempted()).isEqualTo(5);
        assertThat(report.delivered()).isEqualTo(2);
        assertThat(report.gone()).isEqualTo(1);
        assertThat(report.failed()).isEqualTo(2);
    }

    @Test
    void givenEveryKindOfOutcome_broadcast_recordsTheBroadcastOnlyOnDeliveredConnections() {
        EveryKindOfOutcome connections = new EveryKindOfOutcome();

        service.broadcast(BROADCAST_NOTICE);

        PostedText posted = new PostedText(NOTICE, NOW);
        assertThat(chat.recordOf(connections.delivered).latestBroadcast()).contains(posted);
        assertThat(chat.recordOf(connections.alsoDelivered).latestBroadcast()).contains(posted);
        assertThat(chat.recordOf(connections.gone).latestBroadcast()).isEmpty();
        assertThat(chat.recordOf(connections.throttled).latestBroadcast()).isEmpty();
        assertThat(chat.recordOf(connections.failed).latestBroadcast()).isEmpty();
        assertThat(chat.recordOf(connections.disconnected).latestBroadcast()).isEmpty();
        assertThat(chat.recordOf(connections.delivered).latestMessage()).isEmpty();
    }

    @Test
    void givenEveryKindOfOutcome_broadcast_marksOnlyTheGoneConnectionDisconnected() {
        EveryKindOfOutcome connections = new EveryKindOfOutcome();

        service.broadcast(BROADCAST_NOTICE);

        assertThat(chat.recordOf(connections.gone).disconnection())
                .contains(new Disconnection(NOW, DisconnectReason.gone()));
        assertThat(chat.registry.activeConnections()).containsExactlyInAnyOrder(
                connections.delivered, connections.alsoDelivered, connections.throttled, connections.failed);
        assertThat(chat.recordOf(connections.disconnected).disconnection()).contains(ChatFixture.EARLIER_DISCONNECTION);
    }

    @Test
    void givenGoneConnectionInRooms_broadcast_takesItOutOfEachAndAnnouncesItsLeaveToTheOthersThere() {
        EveryKindOfOutcome connections = new EveryKindOfOutcome();
        chat.join(connections.gone, GAMES);
        chat.join(connections.delivered, GAMES);

        service.broadcast(BROADCAST_NOTICE);

        assertThat(chat.rooms.roomsOf(connections.gone.id())).isEmpty();
        List<RecordingMessagePublisher.Sent> leaves = chat.publisher.sent().stream()
                .filter(sent -> sent.message() instanceof PresenceEvent)
                .toList();
        assertThat(leaves).extracting(sent -> (PresenceEvent) sent.message()).allSatisfy(event -> {
            assertThat(event.kind()).isEqualTo(PresenceEvent.Kind.LEAVE);
            assertThat(event.member()).isEqualTo(Member.of(connections.gone));
        });
        assertThat(leaves).extracting(sent -> ((PresenceEvent) sent.message()).room() + " " + sent.recipient())
                .containsExactlyInAnyOrder(
                        "lobby " + connections.delivered.id(), "lobby " + connections.alsoDelivered.id(),
                        "lobby " + connections.throttled.id(), "lobby " + connections.failed.id(),
                        "games " + connections.delivered.id());
    }

    @Test
    void givenSender_broadcast_recordsWhoSentItOnEveryRowItReached() {
        Connection alice = chat.active("Alice");

        service.broadcast(new BroadcastCommand(NOTICE).sentBy(new UserId("ops-1")));

        assertThat(chat.recordOf(alice).latestBroadcast())
                .contains(new PostedText(NOTICE, NOW, Optional.of(new UserId("ops-1"))));
    }

    @Test
    void givenRoom_broadcast_sendsOnlyToItsMembersAndReportsThem() {
        Connection alice = chat.active("Alice");
        Connection bob = chat.active("Bob");
        chat.active("Carol");
        chat.join(alice, GAMES);
        chat.join(bob, GAMES);
        chat.publisher.answer(bob.id(), new DeliveryResult.Failed("403 Forbidden"));

        BroadcastReport report = service.broadcast(new BroadcastCommand(NOTICE, Optional.of(GAMES)));

        var expected = new BroadcastMessage(report.broadcastId(), NOTICE, NOW, Optional.of(GAMES));
        assertThat(chat.publisher.sent()).containsExactlyInAnyOrder(
                new RecordingMessagePublisher.Sent(alice.id(), expected),
                new RecordingMessagePublisher.Sent(bob.id(), expected));
        assertThat(report).isEqualTo(new BroadcastReport(report.broadcastId(), 2, 1, 0, 1));
        assertThat(chat.recordOf(alice).latestBroadcast()).contains(new PostedText(NOTICE, NOW));
        assertThat(chat.recordOf(bob).latestBroadcast()).isEmpty();
    }

    @Test
    void givenConnectionThatLeftTheLobby_broadcastWithoutRoom_stillReachesIt() {
        Connection alice = chat.active("Alice");
        chat.rooms.leave(RoomName.LOBBY, Member.of(alice));

        BroadcastReport report = service.broadcast(BROADCAST_NOTICE);

        assertThat(chat.publisher.sent()).extracting(RecordingMessagePublisher.Sent::recipient).containsExactly(alice.id());
        assertThat(report.delivered()).isEqualTo(1);
    }

    @Test
    void givenEmptyRoom_broadcast_reportsNothingAttempted() {
        chat.active("Alice");

        BroadcastReport report = service.broadcast(new BroadcastCommand(NOTICE, Optional.of(GAMES)));

        assertThat(report).isEqualTo(new BroadcastReport(report.broadcastId(), 0, 0, 0, 0));
        assertThat(chat.publisher.sent()).isEmpty();
    }

    @Test
    void givenNoConnections_broadcast_reportsNothingAttempted() {
        BroadcastReport report = service.broadcast(BROADCAST_NOTICE);

        assertThat(report).isEqualTo(new BroadcastReport(report.broadcastId(), 0, 0, 0, 0));
        assertThat(chat.publisher.sent()).isEmpty();
    }

    @Test
    void givenOnlyDisconnectedConnections_broadcast_reportsNothingAttempted() {
        Connection dave = chat.disconnected("Dave");

        BroadcastReport report = service.broadcast(BROADCAST_NOTICE);

        assertThat(report).isEqualTo(new BroadcastReport(report.broadcastId(), 0, 0, 0, 0));
        assertThat(chat.publisher.sent()).isEmpty();
        assertThat(chat.recordOf(dave).latestBroadcast()).isEmpty();
    }

    private List<RecordingMessagePublisher.Sent> broadcastsSent() {
        return chat.publisher.sent().stream().filter(sent -> sent.message() instanceof BroadcastMessage).toList();
    }

    /** One connection for each way a send can end, and one that had already disconnected. */
    private final class EveryKindOfOutcome {
        final Connection delivered = chat.active("Alice");
        final Connection alsoDelivered = chat.active("Bob");
        final Connection gone = chat.active("Carol");
        final Connection throttled = chat.active("Erin");
        final Connection failed = chat.active("Frank");
        final Connection disconnected = chat.disconnected("Dave");

        EveryKindOfOutcome() {
            chat.publisher.answer(gone.id(), DeliveryResult.gone());
            chat.publisher.answer(throttled.id(), new DeliveryResult.Throttled(5));
            chat.publisher.answer(failed.id(), new DeliveryResult.Failed("403 Forbidden"));
        }
    }
}
