package dev.parley.chat.adapter.in.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.protocol.ErrorCode;
import dev.parley.chat.protocol.InvalidFrameException;
import dev.parley.chat.wiring.ChatComponent;
import dev.parley.chat.wiring.ExecutionEnvironment;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * {@code $default}: every frame no other route takes. Answers the keep-alive {@code {"action":"ping"}} with a pong
 * (API Gateway closes connections idle for 10 minutes and does not relay protocol pings), and anything else with
 * an error frame saying what is wrong. Each costs a token, as every frame does ({@link FrameHandler}).
 */
public final class DefaultRouteHandler extends FrameHandler {

    static final String PING_ACTION = "ping";
    /** "sendMessage, join, leave, members, history and ping": the routes' actions, then the one answered here. */
    private static final String ACTIONS = Arrays.stream(WebSocketRoute.values())
            .filter(WebSocketRoute::isAction)
            .map(WebSocketRoute::routeKey)
            .collect(Collectors.joining(", ")) + " and " + PING_ACTION;

    public DefaultRouteHandler() {
        this(ExecutionEnvironment.chatComponent());
    }

    DefaultRouteHandler(ChatComponent component) {
        super(component.frameReader(), component.frameWriter(), component.chargeFrameUseCase());
    }

    @Override
    APIGatewayV2WebSocketResponse handleFrame(ConnectionId connectionId, APIGatewayV2WebSocketEvent event)
            throws InvalidFrameException {
        if (event.isIsBase64Encoded()) {
            // API Gateway hands binary frames over in base64, whatever they hold: say so rather than "not JSON"
            throw new InvalidFrameException(ErrorCode.INVALID_JSON,
                    "binary frames are not accepted; send a JSON object as a text frame");
        }
        String action = reader.action(event.getBody());
        if (PING_ACTION.equals(action)) {
            return response(OK, writer.pong());
        }
        throw new InvalidFrameException(ErrorCode.UNKNOWN_ACTION,
                "unknown action '" + action + "'; the actions are " + ACTIONS + " (names are case-sensitive)");
    }
}
