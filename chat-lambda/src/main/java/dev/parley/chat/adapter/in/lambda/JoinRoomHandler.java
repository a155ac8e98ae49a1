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
 * nothing) and answers with the {@code joined} frame: the first page of who is there, and the room history's epoch and
 * latest seq; the room's other members get a {@code presence} frame when this begins a presence. With
 * {@code "since":{"epoch","seq"}}, the {@code joined} frame and what was missed since (a {@code gap}, the messages
 * marked {@code replay}, {@code void}) are sent in that order through {@code @connections}, and the route response is
 * empty: a route response would come after them.
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
            return joined.catchup().isPresent()
                    ? sentAlready()
                    : response(OK, writer.joined(joined.room(), joined.members(), joined.head(), clientId));
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
