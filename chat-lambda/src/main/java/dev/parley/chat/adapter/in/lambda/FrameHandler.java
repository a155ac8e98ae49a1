package dev.parley.chat.adapter.in.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.parley.chat.adapter.in.lambda.authorizer.AuthorizerContext;
import dev.parley.chat.auth.Principal;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.port.in.ChargeFrameUseCase;
import dev.parley.chat.protocol.FrameAnswers;
import dev.parley.chat.protocol.InvalidFrameException;
import dev.parley.chat.wiring.ChatComponent;

/**
 * The handler of a route that carries a client's frame. Every frame costs its sender a token before it is read
 * ({@link FrameAnswers#charge}); a sender over its rate is answered {@code RATE_LIMITED} (status 429) and the frame goes
 * no further. The sender is the user the authorizer identified, which API Gateway repeats in every event of the
 * connection, or else the connection.
 */
abstract class FrameHandler extends WebSocketHandler {

    final FrameAnswers answers;
    private final ChargeFrameUseCase chargeFrame;

    FrameHandler(ChatComponent component) {
        super(component.frameReader(), component.frameWriter());
        this.answers = component.frameAnswers();
        this.chargeFrame = component.chargeFrameUseCase();
    }

    /** Handles a frame whose token was taken. */
    abstract APIGatewayV2WebSocketResponse handleFrame(ConnectionId connectionId, APIGatewayV2WebSocketEvent event)
            throws InvalidFrameException;

    @Override
    final APIGatewayV2WebSocketResponse handle(ConnectionId connectionId, APIGatewayV2WebSocketEvent event)
            throws InvalidFrameException {
        var sender = AuthorizerContext.principal(event.getRequestContext().getAuthorizer()).map(Principal::userId);
        var refused = answers.charge(chargeFrame, connectionId, sender, clientIdOf(event));
        if (refused.isPresent()) {
            return response(refused.get());
        }
        return handleFrame(connectionId, event);
    }
}
