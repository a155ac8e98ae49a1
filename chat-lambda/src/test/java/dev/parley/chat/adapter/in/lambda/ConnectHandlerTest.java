package dev.parley.chat.adapter.in.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.fasterxml.jackson.jr.ob.JSON;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.RoomAccess;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.UserId;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectHandlerTest {

    private static final ConnectionId ALICE = new ConnectionId("L0SM9cOFvHcCIhw=");

    private final FakeChatComponent component = new FakeChatComponent();
    private final ConnectHandler handler = new ConnectHandler(component);

    @Test
    void givenNameInQueryString_connect_registersTheTrimmedNameAndTime() {
        var response = handler.handleRequest(Events.webSocket("connect"), new RecordingContext());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(component.store.findActive(ALICE)).hasValueSatisfying(connection -> {
            assertThat(connection.displayName()).isEqualTo(new DisplayName("Alice"));
            assertThat(connection.connectedAt()).isEqualTo(FakeChatComponent.NOW);
        });
    }

    @Test
    void givenNoAuthorizer_connect_registersAnAnonymousConnection() {
        handler.handleRequest(Events.webSocket("connect"), new RecordingContext());

        assertThat(component.store.findActive(ALICE).orElseThrow().userId()).isEmpty();
    }

    @Test
    void givenAuthorizerContext_connect_registersTheTokensUserUnderTheTokensNameIgnoringTheQueryName() {
        var event = Events.webSocket("connect");
        // What API Gateway passes on from the authorizer: its principal id, context and latency.
        event.getRequestContext().setAuthorizer(Map.of(
                "principalId", "user-42", "userId", "user-42", "displayName", "Ada Lovelace", "integrationLatency", 31));

        var response = handler.handleRequest(event, new RecordingContext());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(event.getQueryStringParameters()).containsEntry("name", "  Alice  ");
        assertThat(component.store.findActive(ALICE)).hasValueSatisfying(connection -> {
            assertThat(connection.userId()).isEqualTo(Optional.of(new UserId("user-42")));
            assertThat(connection.displayName()).isEqualTo(new DisplayName("Ada Lovelace"));
        });
    }

    @Test
    void givenAuthorizerContextWithRooms_connect_registersTheRoomsTheTokenAdmits() {
        var event = Events.webSocket("connect");
        event.getRequestContext().setAuthorizer(Map.of("principalId", "user-42", "userId", "user-42",
                "displayName", "Ada", "rooms", "[\"design\",\"team-*\"]", "integrationLatency", 31));

        handler.handleRequest(event, new RecordingContext());

        assertThat(component.store.findActive(ALICE).orElseThrow().roomAccess())
                .isEqualTo(RoomAccess.only(List.of("design", "team-*")));
    }

    @Test
    void givenAuthorizerContextWithoutRoomsOrNoAuthorizer_connect_registersAccessToEveryRoom() {
        var authorized = Events.webSocket("connect");
        authorized.getRequestContext().setAuthorizer(Map.of("principalId", "user-42", "userId", "user-42",
                "displayName", "Ada"));

        handler.handleRequest(authorized, new RecordingContext());

        assertThat(component.store.findActive(ALICE).orElseThrow().roomAccess()).isEqualTo(RoomAccess.EVERY_ROOM);
    }

    @Test
    void givenAUserWithFiveConnections_connectASixth_refusesTheHandshakeWith429NamingTheLimit() throws IOException {
        List<String> tabs = List.of("dGFiMQ==", "dGFiMg==", "dGFiMw==", "dGFiNA==", "dGFiNQ==");
        tabs.forEach(tab -> assertThat(handler.handleRequest(asUser42(tab), new RecordingContext()).getStatusCode())
                .isEqualTo(200));

        var sixth = handler.handleRequest(asUser42("c2l4dGg="), new RecordingContext());

        assertThat(sixth.getStatusCode()).isEqualTo(429);
        assertThat(JSON.std.mapFrom(sixth.getBody())).containsEntry("type", "error")
                .containsEntry("code", "TOO_MANY_CONNECTIONS")
                .hasEntrySatisfying("message", message -> assertThat((String) message).contains("5 connections"));
        assertThat(component.store.find(new ConnectionId("c2l4dGg="))).isEmpty();
    }

    private static APIGatewayV2WebSocketEvent asUser42(String connection) {
        var event = Events.webSocket("connect", connection);
        event.getRequestContext().setAuthorizer(Map.of("principalId", "user-42", "userId", "user-42",
                "displayName", "Ada"));
        return event;
    }

    @Test
    void givenAuthorizerContextNamingAUserWithoutDisplayName_connect_refusesWith500InsteadOfConnectingAnonymously() {
        var event = Events.webSocket("connect");
        event.getRequestContext().setAuthorizer(Map.of("principalId", "user-42", "userId", "user-42"));
        var context = new RecordingContext();

        var response = handler.handleRequest(event, context);

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(component.store.activeConnections()).isEmpty();
        assertThat(context.logged).anySatisfy(line -> assertThat(line).contains("displayName"));
    }

    @Test
    void givenNoQueryString_connect_registersAGuestName() {
        var event = Events.webSocket("connect");
        event.setQueryStringParameters(null);

        handler.handleRequest(event, new RecordingContext());

        assertThat(component.store.findActive(ALICE).orElseThrow().displayName()).isEqualTo(new DisplayName("guest-L0SM"));
    }

    @Test
    void givenTooLongName_connect_registersAGuestName() {
        var event = Events.webSocket("connect");
        event.setQueryStringParameters(Map.of("name", "x".repeat(33)));

        handler.handleRequest(event, new RecordingContext());

        assertThat(component.store.findActive(ALICE).orElseThrow().displayName()).isEqualTo(new DisplayName("guest-L0SM"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ann\u200b", "\u202eevil", "a\u2066b", "\ufeffBob", "Ann\u200fe"})
    void givenNameThatHidesOrReordersText_connect_refusesWith400AndTheInvalidNameErrorAndRegistersNothing(String name) {
        var event = Events.webSocket("connect");
        event.setQueryStringParameters(Map.of("name", name));

        var response = handler.handleRequest(event, new RecordingContext());

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(Chat.json(response.getBody())).containsEntry("type", "error").containsEntry("code", "INVALID_NAME")
                .hasEntrySatisfying("message", message -> assertThat((String) message).isNotBlank());
        assertThat(component.store.find(ALICE)).isEmpty();
        assertThat(component.publisher.sent()).isEmpty();
    }

    @Test
    void givenOthersConnected_connect_putsTheConnectionInTheLobbyAndAnnouncesItThere() {
        var chat = new Chat(component);
        chat.connect(Chat.BOB, "Bob");
        component.settled();

        handler.handleRequest(Events.webSocket("connect"), new RecordingContext());

        assertThat(component.rooms.roomsOf(ALICE)).containsExactly(RoomName.LOBBY);
        assertThat(chat.received(Chat.BOB)).containsExactly(Map.of("type", "presence", "room", "lobby", "event", "join",
                "member", Map.of("connectionId", ALICE.value(), "name", "Alice"), "count", 2));
    }

    @Test
    void givenEventWithoutConnectionId_connect_refusesWithoutRegistering() {
        var event = Events.webSocket("connect");
        event.getRequestContext().setConnectionId(null);

        var response = handler.handleRequest(event, new RecordingContext());

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(component.store.activeConnections()).isEmpty();
    }

    @Test
    void givenFailingRegistry_connect_answers500SoTheHandshakeIsRefused() {
        var failing = new FakeChatComponent(registry -> new FailingConnectionRegistry(registry));
        var context = new RecordingContext();

        var response = new ConnectHandler(failing).handleRequest(Events.webSocket("connect"), context);

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(context.logged).anySatisfy(line -> assertThat(line).contains("$connect failed").contains("L0SM9cOFvHcCIhw="));
    }

    @Test
    void givenRequireAuthAndNoAuthorizerContext_connect_refuses403WithTheUnauthorizedErrorAndRegistersNothing() {
        var requiring = FakeChatComponent.requiringAuth();

        var response = new ConnectHandler(requiring).handleRequest(Events.webSocket("connect"), new RecordingContext());

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(Chat.json(response.getBody())).containsEntry("type", "error").containsEntry("code", "UNAUTHORIZED")
                .hasEntrySatisfying("message", message -> assertThat((String) message).contains("REQUIRE_AUTH"));
        assertThat(requiring.store.find(ALICE)).isEmpty();
        assertThat(requiring.publisher.sent()).isEmpty();
    }

    @Test
    void givenRequireAuthAndAnAuthorizerContextNamingNoUser_connect_refuses403() {
        var requiring = FakeChatComponent.requiringAuth();
        var event = Events.webSocket("connect");
        // Another authorizer's context: a principal, but not the user Parley's authorizer names.
        event.getRequestContext().setAuthorizer(Map.of("principalId", "anyone", "integrationLatency", 12));

        var response = new ConnectHandler(requiring).handleRequest(event, new RecordingContext());

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(requiring.store.find(ALICE)).isEmpty();
    }

    @Test
    void givenRequireAuthAndTheAuthorizersUser_connect_registersTheUser() {
        var requiring = FakeChatComponent.requiringAuth();

        var response = new ConnectHandler(requiring).handleRequest(Events.webSocket("connect-authorized"),
                new RecordingContext());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(requiring.store.findActive(ALICE).orElseThrow().userId()).contains(new UserId("user-42"));
    }
}
