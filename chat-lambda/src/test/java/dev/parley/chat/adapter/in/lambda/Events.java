package dev.parley.chat.adapter.in.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The JSON event fixtures of src/test/resources/events, read with the Lambda Java runtime's own deserialiser. */
final class Events {

    private Events() {}

    static APIGatewayV2WebSocketEvent webSocket(String fixture) {
        return read(fixture, APIGatewayV2WebSocketEvent.class);
    }

    static APIGatewayV2WebSocketEvent webSocket(String fixture, String connectionId) {
        var event = webSocket(fixture);
        event.getRequestContext().setConnectionId(connectionId);
        return event;
    }

    static APIGatewayV2WebSocketEvent webSocketWithBody(String fixture, String connectionId, String body) {
        var event = webSocket(fixture, connectionId);
        event.setBody(body);
        return event;
    }

    static APIGatewayProxyRequestEvent rest(String fixture) {
        return read(fixture, APIGatewayProxyRequestEvent.class);
    }

    private static <T> T read(String fixture, Class<T> type) {
        try (InputStream json = Events.class.getResourceAsStream("/events/" + fixture + ".json")) {
            if (json == null) {
                throw new IllegalArgumentException("no fixture events/" + fixture + ".json");
            }
            return LambdaEventSerializers.serializerFor(type, Events.class.getClassLoader()).fromJson(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
