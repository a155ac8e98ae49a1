package dev.parley.chat.adapter.in.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.port.in.SendMessageResult;
import dev.parley.chat.domain.port.in.SendMessageUseCase;
import dev.parley.chat.protocol.ErrorCode;
import dev.parley.chat.protocol.InvalidFrameException;
import dev.parley.chat.wiring.ChatComponent;
import dev.parley.chat.wiring.ExecutionEnvironment;
import java.util.Map;
import java.util.Optional;

/**
 * {@code sendMessage}: {@code {"action":"sendMessage","Message":"hi"}} to the lobby's other members, with
 * {@code "room"} to another room's, with {@code "to"} to one connection, with {@code "toUser"} to every connection of
 * one user. The route response carries the sender's acknowledgement or error frame, echoing the frame's
 * optional {@code clientId}. A sender over its rate gets a {@code RATE_LIMITED} error frame instead
 * ({@link FrameHandler}), and its message goes nowhere.
 */
public final class SendMessageHandler extends ActionHandler {

    private final SendMessageUseCase sendMessage;

    public SendMessageHandler() {
        this(ExecutionEnvironment.chatComponent());
    }

    SendMessageHandler(ChatComponent component) {
        super(component);
        this.sendMessage = component.sendMessageUseCase();
    }

    @Override
    APIGatewayV2WebSocketResponse answer(ConnectionId sender, Map<String, Object> frame, Optional<String> clientId)
            throws InvalidFrameException {
        SendMessageResult result = sendMessage.send(reader.sendMessage(sender, frame));
        if (result instanceof SendMessageResult.Sent sent) {
            return response(OK, writer.ack(sent.message().id(), sent.message().seq(), sent.recipients(), clientId));
        }
        if (result instanceof SendMessageResult.AlreadySent resent) {
            return response(OK, writer.repeatAck(resent.first(), clientId));
        }
        if (result instanceof SendMessageResult.UnknownRecipient unknown) {
            return error(ErrorCode.UNKNOWN_RECIPIENT, "no connected client has the id '" + unknown.recipient() + "'", clientId);
        }
        if (result instanceof SendMessageResult.UnknownUser unknown) {
            return error(ErrorCode.UNKNOWN_RECIPIENT, "no connected client belongs to the user '" + unknown.user() + "'",
                    clientId);
        }
        if (result instanceof SendMessageResult.NotAMember notAMember) {
            return error(ErrorCode.NOT_A_MEMBER, "this connection is not in the room '" + notAMember.room()
                    + "'; join it first", clientId);
        }
        if (result instanceof SendMessageResult.SenderNotConnected) {
            return notConnected(clientId);
        }
        throw new IllegalStateException("unhandled result " + result);
    }
}
