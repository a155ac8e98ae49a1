package dev.parley.chat.adapter.in.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisconnectReason;
import dev.parley.chat.domain.port.in.DisconnectCommand;
import dev.parley.chat.domain.port.in.DisconnectUseCase;
import dev.parley.chat.protocol.Answer;
import dev.parley.chat.wiring.ChatComponent;
import dev.parley.chat.wiring.ExecutionEnvironment;

/**
 * {@code $disconnect}: records {@code DisconnectTime}; the row stays as the audit trail. API Gateway's
 * {@code disconnectStatusCode} is not in aws-lambda-java-events' event type, so the reason recorded is the route's.
 */
public final class DisconnectHandler extends WebSocketHandler {

    /** The words the audit trail has always kept for a close the route reported: stored, so never reworded. */
    static final DisconnectReason ROUTE_REPORTED = DisconnectReason.transportReported("the $disconnect route");

    private final DisconnectUseCase disconnect;

    public DisconnectHandler() {
        this(ExecutionEnvironment.chatComponent(PrimedFunction.DISCONNECT));
    }

    DisconnectHandler(ChatComponent component) {
        super(component.frameReader(), component.frameWriter());
        this.disconnect = component.disconnectUseCase();
    }

    @Override
    APIGatewayV2WebSocketResponse handle(ConnectionId connectionId, APIGatewayV2WebSocketEvent event) {
        disconnect.disconnect(new DisconnectCommand(connectionId, ROUTE_REPORTED));
        return response(Answer.sentAlready());
    }
}
