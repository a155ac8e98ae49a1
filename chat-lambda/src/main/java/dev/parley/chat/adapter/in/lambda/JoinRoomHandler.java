package dev.parley.chat.adapter.in.lambda;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.port.in.JoinRoomUseCase;
import dev.parley.chat.protocol.Answer;
import dev.parley.chat.protocol.InvalidFrameException;
import dev.parley.chat.wiring.ChatComponent;
import dev.parley.chat.wiring.ExecutionEnvironment;
import java.util.Map;
import java.util.Optional;

/**
 * {@code join}: {@code {"action":"join","room":"design"}} makes the connection a member of the room (again, it changes
 * nothing) and answers with the {@code joined} frame: the first page of who is there, and the room history's epoch and
 * latest seq; the room's other members get a {@code presence} frame when this begins a presence. With
 * {@code "since":{"epoch","seq"}}, the {@code joined} frame and what was missed since (a {@code gap}, the messages
 * marked {@code replay}, {@code void}) are sent in that order through {@code @connections}, and the route response is
 * empty: a route response would come after them.
 */
public final class JoinRoomHandler extends ActionHandler {

    private final JoinRoomUseCase join;

    public JoinRoomHandler() {
        this(ExecutionEnvironment.chatComponent(PrimedFunction.JOIN));
    }

    JoinRoomHandler(ChatComponent component) {
        super(component);
        this.join = component.joinRoomUseCase();
    }

    @Override
    Answer answer(ConnectionId connectionId, Map<String, Object> frame, Optional<String> clientId)
            throws InvalidFrameException {
        return answers.join(join, connectionId, frame, clientId);
    }
}
