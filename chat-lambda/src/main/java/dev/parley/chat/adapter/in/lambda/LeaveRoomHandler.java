package dev.parley.chat.adapter.in.lambda;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.port.in.LeaveRoomUseCase;
import dev.parley.chat.protocol.Answer;
import dev.parley.chat.protocol.InvalidFrameException;
import dev.parley.chat.wiring.ChatComponent;
import dev.parley.chat.wiring.ExecutionEnvironment;
import java.util.Map;
import java.util.Optional;

/**
 * {@code leave}: {@code {"action":"leave","room":"design"}} ends the connection's membership of the room (leaving a
 * room it is not in changes nothing) and answers {@code {"type":"left","room":"design"}}; the room's other members get
 * a {@code presence} frame when this ends a presence.
 */
public final class LeaveRoomHandler extends ActionHandler {

    private final LeaveRoomUseCase leave;

    public LeaveRoomHandler() {
        this(ExecutionEnvironment.chatComponent(PrimedFunction.LEAVE));
    }

    LeaveRoomHandler(ChatComponent component) {
        super(component);
        this.leave = component.leaveRoomUseCase();
    }

    @Override
    Answer answer(ConnectionId connectionId, Map<String, Object> frame, Optional<String> clientId)
            throws InvalidFrameException {
        return answers.leave(leave, connectionId, frame, clientId);
    }
}
