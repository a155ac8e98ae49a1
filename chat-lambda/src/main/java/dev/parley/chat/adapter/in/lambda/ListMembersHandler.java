package dev.parley.chat.adapter.in.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.MemberPage;
import dev.parley.chat.domain.port.in.ListMembersResult;
import dev.parley.chat.domain.port.in.ListMembersUseCase;
import dev.parley.chat.protocol.ErrorCode;
import dev.parley.chat.protocol.InvalidFrameException;
import dev.parley.chat.wiring.ChatComponent;
import dev.parley.chat.wiring.ExecutionEnvironment;
import java.util.Map;
import java.util.Optional;

/**
 * {@code members}: {@code {"action":"members","room":"design","cursor":"..."}} answers a member of the room with the
 * page of its presences after {@code cursor} (without one, the first), {@value MemberPage#MAX_MEMBERS} at most.
 */
public final class ListMembersHandler extends ActionHandler {

    private final ListMembersUseCase members;

    public ListMembersHandler() {
        this(ExecutionEnvironment.chatComponent());
    }

    ListMembersHandler(ChatComponent component) {
        super(component);
        this.members = component.listMembersUseCase();
    }

    @Override
    APIGatewayV2WebSocketResponse answer(ConnectionId connectionId, Map<String, Object> frame, Optional<String> clientId)
            throws InvalidFrameException {
        ListMembersResult result = members.members(reader.members(connectionId, frame));
        if (result instanceof ListMembersResult.Members page) {
            return response(OK, writer.members(page.room(), page.page(), clientId));
        }
        if (result instanceof ListMembersResult.NotAMember notAMember) {
            return error(ErrorCode.NOT_A_MEMBER, "only members see who is in a room: join '" + notAMember.room()
                    + "' first", clientId);
        }
        if (result instanceof ListMembersResult.InvalidCursor invalid) {
            return error(ErrorCode.INVALID_CURSOR, "the cursor is not one a members page of '" + invalid.room()
                    + "' gave; ask without one for the first page", clientId);
        }
        throw new IllegalStateException("unhandled result " + result);
    }
}
