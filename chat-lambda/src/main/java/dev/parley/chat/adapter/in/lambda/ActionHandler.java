package dev.parley.chat.adapter.in.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.protocol.ErrorCode;
import dev.parley.chat.protocol.InvalidFrameException;
import dev.parley.chat.wiring.ChatComponent;
import java.util.Map;
import java.util.Optional;

/**
 * The handler of a two-way route whose frame is an action's JSON object: the frame is read once, and every answer,
 * error frames included, echoes its {@code clientId}.
 */
abstract class ActionHandler extends FrameHandler {

    ActionHandler(ChatComponent component) {
        super(component.frameReader(), component.frameWriter(), component.chargeFrameUseCase());
    }

    /** Answers the frame's action; a field it cannot accept is an {@link InvalidFrameException}. */
    abstract APIGatewayV2WebSocketResponse answer(ConnectionId connectionId, Map<String, Object> frame,
            Optional<String> clientId) throws InvalidFrameException;

    @Override
    final APIGatewayV2WebSocketResponse handleFrame(ConnectionId connectionId, APIGatewayV2WebSocketEvent event)
            throws InvalidFrameException {
        Map<String, Object> frame = reader.frame(event.getBody());
        Optional<String> clientId = reader.clientId(frame);
        try {
            return answer(connectionId, frame, clientId);
        } catch (InvalidFrameException invalid) {
            return error(invalid.code(), invalid.getMessage(), clientId);
        }
    }

    APIGatewayV2WebSocketResponse error(ErrorCode code, String message, Optional<String> clientId) {
        return response(BAD_REQUEST, writer.error(code, message, clientId));
    }

    APIGatewayV2WebSocketResponse notConnected(Optional<String> clientId) {
        return error(ErrorCode.NOT_CONNECTED, "this connection is not registered as connected; reconnect and try again",
                clientId);
    }
}
