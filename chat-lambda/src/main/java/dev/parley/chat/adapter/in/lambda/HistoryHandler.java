package dev.parley.chat.adapter.in.lambda;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.port.in.HistoryUseCase;
import dev.parley.chat.protocol.Answer;
import dev.parley.chat.protocol.InvalidFrameException;
import dev.parley.chat.wiring.ChatComponent;
import dev.parley.chat.wiring.ExecutionEnvironment;
import java.util.Map;
import java.util.Optional;

/**
 * {@code history}: {@code {"action":"history","room":"design","before":812,"limit":50}} sends a member of the room up
 * to {@code limit} of its messages before seq {@code before} (the latest without it), oldest first, in {@code history}
 * frames through {@code @connections} (a page of big messages takes several); the route response is empty.
 */
public final class HistoryHandler extends ActionHandler {

    private final HistoryUseCase history;

    public HistoryHandler() {
        this(ExecutionEnvironment.chatComponent(PrimedFunction.HISTORY));
    }

    HistoryHandler(ChatComponent component) {
        super(component);
        this.history = component.historyUseCase();
    }

    @Override
    Answer answer(ConnectionId connectionId, Map<String, Object> frame, Optional<String> clientId)
            throws InvalidFrameException {
        return answers.history(history, connectionId, frame, clientId);
    }
}
