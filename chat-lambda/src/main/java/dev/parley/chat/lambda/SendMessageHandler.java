package dev.parley.chat.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.port.in.SendMessageResult;
import dev.parley.chat.domain.port.in.SendMessageUseCase;
import dev.parley.chat.lambda.wire.ErrorCode;
import dev.parley.chat.lambda.wire.InvalidFrameException;
import dev.parley.chat.lambda.wiring.ChatComponent;
import dev.parley.chat.lambda.wiring.EnvironmentComponent;

/**
 * {@code sendMessage}: {@code {"action":"sendMessage","Message":"hi"}} to every other connection, or with
 * {@code "to"} to one. The route response carries the sender's acknowledgement or error frame.
 */
public final class SendMessageHandler extends WebSocketHandler {

    private final SendMessageUseCase sendMessage;

    public SendMessageHandler() {
        this(EnvironmentComponent.get());
    }

    SendMessageHandler(ChatComponent component) {
        super(component.wireFormat());
        this.sendMessage = component.sendMessageUseCase();
    }

    @Override
    APIGatewayV2WebSocketResponse handle(ConnectionId sender, APIGatewayV2WebSocketEvent event) throws InvalidFrameException {
        SendMessageResult result = sendMessage.send(wire.sendMessage(sender, event.getBody()));
        if (result instanceof SendMessageResult.Sent sent) {
            return response(OK, wire.ack(sent.message().id(), sent.recipients()));
        }
        if (result instanceof SendMessageResult.UnknownRecipient unknown) {
            throw new InvalidFrameException(ErrorCode.UNKNOWN_RECIPIENT,
                    "no connected client has the id '" + unknown.recipient() + "'");
        }
        if (result instanceof SendMessageResult.SenderNotConnected) {
            throw new InvalidFrameException(ErrorCode.NOT_CONNECTED,
                    "this connection is not registered as connected; reconnect and send again");
        }
        throw new IllegalStateException("unhandled result " + result);
    }
}
