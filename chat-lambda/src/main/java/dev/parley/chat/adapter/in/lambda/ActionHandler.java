package dev.parley.chat.adapter.in.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.protocol.Answer;
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
        super(component);
    }

    /** Answers the frame's action; a field it cannot accept is an {@link InvalidFrameException}. */
    abstract Answer answer(ConnectionId connectionId, Map<String, Object> frame, Optional<String> clientId)
            throws InvalidFrameException;

    @Override
    final APIGatewayV2WebSocketResponse handleFrame(ConnectionId connectionId, APIGatewayV2WebSocketEvent event)
            throws InvalidFrameException {
        Map<String, Object> frame = reader.frame(event.getBody());
        Optional<String> clientId = reader.clientId(frame);
        try {
            return response(answer(connectionId, frame, clientId));
        } catch (InvalidFrameException invalid) {
            return response(answers.error(invalid.code(), invalid.getMessage(), clientId));
        }
    }
}
