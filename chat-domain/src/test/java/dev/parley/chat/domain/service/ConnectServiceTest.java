package dev.parley.chat.domain.service;

import static dev.parley.chat.domain.service.ChatFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.port.in.ConnectCommand;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConnectServiceTest {

    private static final ConnectionId ID = new ConnectionId("L0SM9cOFvHcCIhw=");
    private static final DisplayName GUEST_NAME = new DisplayName("guest-L0SM");

    private final ChatFixture chat = new ChatFixture();
    private final ConnectService service = new ConnectService(chat.registry, chat.clock);

    @Test
    void givenRequestedNameWithSurroundingWhitespace_connect_registersTheTrimmedName() {
        Connection connection = service.connect(new ConnectCommand(ID, Optional.of("  Alice \t")));

        assertThat(connection.displayName()).isEqualTo(new DisplayName("Alice"));
        assertThat(chat.registry.findActive(ID)).contains(connection);
    }

    @Test
    void givenRequestedName_connect_registersAnActiveConnectionAtTheClockInstant() {
        Connection connection = service.connect(new ConnectCommand(ID, Optional.of("Alice")));

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

        Connection connection = service.connect(new ConnectCommand(ID, Optional.of("Alice"), Optional.of(alice)));

        assertThat(connection).isEqualTo(new Connection(ID, new DisplayName("Alice"), NOW, Optional.of(alice)));
        assertThat(chat.registry.findActive(ID)).contains(connection);
    }

    @Test
    void givenNoAuthorizedUser_connect_registersAnAnonymousConnection() {
        Connection connection = service.connect(new ConnectCommand(ID, Optional.of("Alice")));

        assertThat(connection.userId()).isEmpty();
        assertThat(chat.registry.findActive(ID)).hasValueSatisfying(found -> assertThat(found.userId()).isEmpty());
    }

    @Test
    void givenNoRequestedName_connect_namesItGuestAndTheFirstFourCharactersOfTheId() {
        Connection connection = service.connect(new ConnectCommand(ID, Optional.empty()));

        assertThat(connection.displayName()).isEqualTo(GUEST_NAME);
        assertThat(chat.registry.findActive(ID)).contains(connection);
    }

    @ParameterizedTest
    @MethodSource("unacceptableNames")
    void givenUnacceptableRequestedName_connect_fallsBackToTheGuestName(String requested) {
        Connection connection = service.connect(new ConnectCommand(ID, Optional.of(requested)));

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

        Connection connection = service.connect(new ConnectCommand(ID, Optional.of(emoji)));

        assertThat(connection.displayName().value()).isEqualTo(emoji);
    }

    @Test
    void givenNameOf32CharactersInsideSpaces_connect_keepsTheTrimmedName() {
        String name = "x".repeat(DisplayName.MAX_LENGTH);

        Connection connection = service.connect(new ConnectCommand(ID, Optional.of("  " + name + " ")));

        assertThat(connection.displayName().value()).isEqualTo(name);
    }
}
