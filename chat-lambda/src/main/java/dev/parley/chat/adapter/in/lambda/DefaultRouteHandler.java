package dev.parley.chat.adapter.in.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.protocol.InvalidFrameException;
import dev.parley.chat.wiring.ChatComponent;
import dev.parley.chat.wiring.ExecutionEnvironment;

/**
 * {@code $default}: every frame no other route takes. Answers the keep-alive {@code {"action":"ping"}} with a pong
 * (API Gateway closes connections idle for 10 minutes and does not relay protocol pings), and anything else with
 * an error frame saying what is wrong. Each costs a token, as every frame does ({@link FrameHandler}).
 */
public final class DefaultRouteHandler extends FrameHandler {

    public DefaultRouteHandler() {
        this(ExecutionEnvironment.chatComponent(PrimedFunction.DEFAULT));
    }

    DefaultRouteHandler(ChatComponent component) {
        super(component);
    }

    @Override
    APIGatewayV2WebSocketResponse handleFrame(ConnectionId connectionId, APIGatewayV2WebSocketEvent event)
            throws InvalidFrameException {
        if (event.isIsBase64Encoded()) {
            // API Gateway hands binary frames over in base64
            throw answers.binaryFrame();
        }
        return response(answers.otherAction(reader.action(event.getBody())));
    }
}
