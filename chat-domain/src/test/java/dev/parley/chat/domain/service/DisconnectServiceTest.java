package dev.parley.chat.domain.service;

import static dev.parley.chat.domain.service.ChatFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisconnectReason;
import dev.parley.chat.domain.model.Disconnection;
import dev.parley.chat.domain.port.in.DisconnectCommand;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DisconnectServiceTest {

    private static final DisconnectReason CLIENT_CLOSED = DisconnectReason.closed(1000, "bye");

    private final ChatFixture chat = new ChatFixture();
    private final DisconnectService service = new DisconnectService(chat.registry, chat.rooms, chat.publisher, chat.clock);

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
        var later = new DisconnectService(chat.registry, chat.rooms, chat.publisher, Clock.fixed(NOW.plusSeconds(30), ZoneOffset.UTC));

        later.disconnect(new DisconnectCommand(alice.id(), DisconnectReason.closed(1006, "abnormal")));

        assertThat(chat.recordOf(alice).disconnection()).contains(new Disconnection(NOW, CLIENT_CLOSED));
        assertThat(chat.registry.activeConnections()).isEmpty();
    }

    @Test
    void givenUnknownId_disconnect_createsNothing() {
        Connection alice = chat.active("Alice");
        ConnectionId stranger = ChatFixture.idOf("Stranger");

        service.disconnect(new DisconnectCommand(stranger, CLIENT_CLOSED));

        assertThat(chat.registry.find(stranger)).isEmpty();
        assertThat(chat.registry.activeConnections()).containsExactly(alice);
    }
}
