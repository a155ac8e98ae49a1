package dev.parley.chat.adapter.in.lambda;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.MemberPage;
import dev.parley.chat.domain.port.in.ListMembersUseCase;
import dev.parley.chat.protocol.Answer;
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
        this(ExecutionEnvironment.chatComponent(PrimedFunction.MEMBERS));
    }

    ListMembersHandler(ChatComponent component) {
        super(component);
        this.members = component.listMembersUseCase();
    }

    @Override
    Answer answer(ConnectionId connectionId, Map<String, Object> frame, Optional<String> clientId)
            throws InvalidFrameException {
        return answers.members(members, connectionId, frame, clientId);
    }
}
