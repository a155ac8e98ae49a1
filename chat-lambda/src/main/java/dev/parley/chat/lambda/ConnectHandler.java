package dev.parley.chat.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.port.in.ConnectCommand;
import dev.parley.chat.domain.port.in.ConnectUseCase;
import dev.parley.chat.lambda.wire.JsonWireFormat;
import dev.parley.chat.lambda.wiring.ChatComponent;
import dev.parley.chat.lambda.wiring.EnvironmentComponent;
import java.util.Optional;

/** {@code $connect}: registers the connection, with the display name from {@code ?name=}. A non-2xx answer refuses the handshake. */
public final class ConnectHandler extends WebSocketHandler {

    private final ConnectUseCase connect;

    public ConnectHandler() {
        this(EnvironmentComponent.get());
    }

    ConnectHandler(ChatComponent component) {
        super(component.wireFormat());
        this.connect = component.connectUseCase();
    }

    @Override
    APIGatewayV2WebSocketResponse handle(ConnectionId connectionId, APIGatewayV2WebSocketEvent event) {
        Optional<String> requestedName = Optional.ofNullable(event.getQueryStringParameters()).map(query -> query.get("name"));
        connect.connect(new ConnectCommand(connectionId, requestedName));
        return response(OK, null);
    }
}
