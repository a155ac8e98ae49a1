package dev.parley.chat.adapter.in.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.fasterxml.jackson.jr.ob.JSON;
import dev.parley.chat.domain.model.OutgoingMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Clients of the handlers over one {@link FakeChatComponent}: they connect through {@code $connect} (anonymously by
 * name, or as the authorizer's user) and send frames through the route their action names, as API Gateway would.
 */
final class Chat {

    static final String ALICE = "L0SM9cOFvHcCIhw=";
    static final String BOB = "Bq3xYcOFvHcCEJA=";
    static final String CAROL = "Cz7kYcOFvHcCMmQ=";
    static final String DAVE = "Dd9mYcOFvHcCNnR=";

    final FakeChatComponent component;

    Chat(FakeChatComponent component) {
        this.component = component;
    }

    /** An anonymous connection named {@code name}, in the lobby. */
    APIGatewayV2WebSocketResponse connect(String connectionId, String name) {
        var event = Events.webSocket("connect", connectionId);
        event.setQueryStringParameters(Map.of("name", name));
        return new ConnectHandler(component).handleRequest(event, new RecordingContext());
    }

    /** Alice, Bob and Carol, anonymous, in the lobby; those of {@code joining} also in {@code room}; then settled. */
    void aliceBobAndCarol(String room, String... joining) {
        connect(ALICE, "Alice");
        connect(BOB, "Bob");
        connect(CAROL, "Carol");
        for (String connection : joining) {
            join(connection, room);
        }
        component.settled();
    }

    /** A connection of the authorizer's {@code userId}, with the authorizer's other context entries. */
    APIGatewayV2WebSocketResponse connectAs(String connectionId, String userId, String name, Map<String, Object> more) {
        var event = Events.webSocket("connect", connectionId);
        Map<String, Object> authorizer = new HashMap<>(more);
        authorizer.putAll(Map.of("principalId", userId, "userId", userId, "displayName", name));
        event.getRequestContext().setAuthorizer(authorizer);
        return new ConnectHandler(component).handleRequest(event, new RecordingContext());
    }

    APIGatewayV2WebSocketResponse disconnect(String connectionId) {
        return new DisconnectHandler(component).handleRequest(Events.webSocket("disconnect", connectionId),
                new RecordingContext());
    }

    /** {@code frame} from {@code connectionId} on the route of its action, in the fixture of that route. */
    APIGatewayV2WebSocketResponse send(String connectionId, String frame) {
        String action = (String) json(frame).get("action");
        var route = WebSocketRoute.forKey(action).orElseThrow();
        String fixture = route == WebSocketRoute.SEND_MESSAGE ? "send-message" : action;
        return route.createHandler(component).handleRequest(Events.webSocketWithBody(fixture, connectionId, frame),
                new RecordingContext());
    }

    /** {@code {"action":"join","room":room}} from {@code connectionId}, answered with the joined frame. */
    Map<String, Object> join(String connectionId, String room) {
        return json(send(connectionId, "{\"action\":\"join\",\"room\":\"" + room + "\"}").getBody());
    }

    /**
     * What recipients received since {@link FakeChatComponent#settled()}, each frame with its recipient, in order (a
     * message of several frames, such as a catch-up, as its frames).
     */
    List<Map<String, Object>> received(String recipient) {
        return component.sent().stream()
                .filter(sent -> sent.recipient().value().equals(recipient))
                .flatMap(sent -> frames(sent.message()).stream())
                .toList();
    }

    /** The frames of {@code type} sent since {@link FakeChatComponent#settled()}, to anyone. */
    List<Map<String, Object>> sentOfType(String type) {
        return component.sent().stream().flatMap(sent -> frames(sent.message()).stream())
                .filter(frame -> type.equals(frame.get("type"))).toList();
    }

    List<Map<String, Object>> frames(OutgoingMessage message) {
        return component.writer.frames(message).stream()
                .map(frame -> json(new String(frame, StandardCharsets.UTF_8)))
                .toList();
    }

    static Map<String, Object> json(String text) {
        try {
            return JSON.std.mapFrom(text);
        } catch (IOException notJson) {
            throw new UncheckedIOException("not a JSON object: " + text, notJson);
        }
    }
}
