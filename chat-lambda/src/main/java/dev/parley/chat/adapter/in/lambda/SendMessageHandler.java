package dev.parley.chat.adapter.in.lambda;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.port.in.SendMessageUseCase;
import dev.parley.chat.protocol.Answer;
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
        this(ExecutionEnvironment.chatComponent(PrimedFunction.SEND_MESSAGE));
    }

    SendMessageHandler(ChatComponent component) {
        super(component);
        this.sendMessage = component.sendMessageUseCase();
    }

    @Override
    Answer answer(ConnectionId connectionId, Map<String, Object> frame, Optional<String> clientId)
            throws InvalidFrameException {
        return answers.sendMessage(sendMessage, connectionId, frame, clientId);
    }
}
