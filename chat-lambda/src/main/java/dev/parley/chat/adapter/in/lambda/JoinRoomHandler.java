package dev.parley.chat.adapter.in.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.port.in.JoinRoomResult;
import dev.parley.chat.domain.port.in.JoinRoomUseCase;
import dev.parley.chat.protocol.ErrorCode;
import dev.parley.chat.protocol.InvalidFrameException;
import dev.parley.chat.wiring.ChatComponent;
import dev.parley.chat.wiring.ExecutionEnvironment;
import java.util.Map;
import java.util.Optional;

/**
 * {@code join}: {@code {"action":"join","room":"design"}} makes the connection a member of the room (again, it changes
 * nothing) and answers with the {@code joined} frame and the first page of who is there; the room's other members get
 * a {@code presence} frame when this begins a presence.
 */
public final class JoinRoomHandler extends ActionHandler {

    private final JoinRoomUseCase join;

    public JoinRoomHandler() {
        this(ExecutionEnvironment.chatComponent());
    }

    JoinRoomHandler(ChatComponent component) {
        super(component);
        this.join = component.joinRoomUseCase();
    }

    @Override
    APIGatewayV2WebSocketResponse answer(ConnectionId connectionId, Map<String, Object> frame, Optional<String> clientId)
            throws InvalidFrameException {
        JoinRoomResult result = join.join(reader.join(connectionId, frame));
        if (result instanceof JoinRoomResult.Joined joined) {
            return response(OK, writer.joined(joined.room(), joined.members(), clientId));
        }
        if (result instanceof JoinRoomResult.Forbidden forbidden) {
            return error(ErrorCode.FORBIDDEN_ROOM, "your token does not admit the room '" + forbidden.room() + "'",
                    clientId);
        }
        if (result instanceof JoinRoomResult.TooManyRooms tooMany) {
            return error(ErrorCode.TOO_MANY_ROOMS, "this connection is in " + tooMany.limit().maxRoomsPerConnection()
                    + " rooms (the lobby included), as many as it may be; leave one first", clientId);
        }
        if (result instanceof JoinRoomResult.NotConnected) {
            return notConnected(clientId);
        }
        throw new IllegalStateException("unhandled result " + result);
    }
}
