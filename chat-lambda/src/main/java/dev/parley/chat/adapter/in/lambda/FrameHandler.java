package dev.parley.chat.adapter.in.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.parley.chat.adapter.in.lambda.authorizer.AuthorizerContext;
import dev.parley.chat.auth.Principal;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.port.in.ChargeFrameCommand;
import dev.parley.chat.domain.port.in.ChargeFrameUseCase;
import dev.parley.chat.domain.port.in.FrameCharge;
import dev.parley.chat.protocol.FrameReader;
import dev.parley.chat.protocol.FrameWriter;
import dev.parley.chat.protocol.InvalidFrameException;

/**
 * The handler of a route that carries a client's frame. Every frame costs its sender a token before it is read, whatever
 * it holds and whether or not it is answered: a flood of pings, bad frames or lookups of unknown ids is limited like a
 * flood of messages. A sender over its rate is answered {@code RATE_LIMITED} (status 429) and the frame goes no further.
 * The sender is the user the authorizer identified, which API Gateway repeats in every event of the connection, or else
 * the connection.
 */
abstract class FrameHandler extends WebSocketHandler {

    private final ChargeFrameUseCase chargeFrame;

    FrameHandler(FrameReader reader, FrameWriter writer, ChargeFrameUseCase chargeFrame) {
        super(reader, writer);
        this.chargeFrame = chargeFrame;
    }

    /** Handles a frame whose token was taken. */
    abstract APIGatewayV2WebSocketResponse handleFrame(ConnectionId connectionId, APIGatewayV2WebSocketEvent event)
            throws InvalidFrameException;

    @Override
    final APIGatewayV2WebSocketResponse handle(ConnectionId connectionId, APIGatewayV2WebSocketEvent event)
            throws InvalidFrameException {
        var sender = AuthorizerContext.principal(event.getRequestContext().getAuthorizer()).map(Principal::userId);
        if (chargeFrame.charge(new ChargeFrameCommand(connectionId, sender)) instanceof FrameCharge.RateLimited limited) {
            return response(TOO_MANY_REQUESTS, writer.rateLimited(limited.retryAfter(), clientIdOf(event)));
        }
        return handleFrame(connectionId, event);
    }
}
