package dev.parley.chat.adapter.in.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.port.in.ConnectCommand;
import dev.parley.chat.domain.port.in.ConnectUseCase;
import dev.parley.chat.adapter.in.lambda.authorizer.AuthorizerContext;
import dev.parley.chat.auth.Principal;
import dev.parley.chat.protocol.Answer;
import dev.parley.chat.protocol.ErrorCode;
import dev.parley.chat.protocol.FrameAnswers;
import dev.parley.chat.wiring.ChatComponent;
import dev.parley.chat.wiring.ExecutionEnvironment;
import java.util.Optional;

/**
 * {@code $connect}: registers the connection. With authorization on, it is the user the authorizer put in
 * {@code requestContext.authorizer}, under the display name of their token and limited to the rooms it admits, and the
 * client's {@code ?name=} is ignored; with it off, the connection is anonymous, named by {@code ?name=}. Either way it
 * joins the lobby. A non-2xx answer refuses the handshake: a name that hides or reorders text gets a 400 whose body is
 * the {@code INVALID_NAME} error object, a user with as many connections open as they may a 429 whose body is the
 * {@code TOO_MANY_CONNECTIONS} error object. With {@code REQUIRE_AUTH} on, a connection that arrives without the
 * authorizer's user (the authorizer detached from the route, say) is refused 403 with the {@code UNAUTHORIZED} error
 * object instead of joining anonymously: the handler fails closed.
 */
public final class ConnectHandler extends WebSocketHandler {

    private final FrameAnswers answers;
    private final ConnectUseCase connect;
    private final boolean requireAuth;

    public ConnectHandler() {
        this(ExecutionEnvironment.chatComponent(PrimedFunction.CONNECT));
    }

    ConnectHandler(ChatComponent component) {
        super(component.frameReader(), component.frameWriter());
        this.answers = component.frameAnswers();
        this.connect = component.connectUseCase();
        this.requireAuth = component.configuration().requireAuth();
    }

    @Override
    APIGatewayV2WebSocketResponse handle(ConnectionId connectionId, APIGatewayV2WebSocketEvent event) {
        Optional<Principal> authorized = AuthorizerContext.principal(event.getRequestContext().getAuthorizer());
        if (requireAuth && authorized.isEmpty()) {
            return response(Answer.FORBIDDEN, writer.error(ErrorCode.UNAUTHORIZED, "this chat needs a token, and no authorizer "
                    + "checked one for this connection (REQUIRE_AUTH is on: is the authorizer attached to $connect?)"));
        }
        ConnectCommand command = authorized
                .map(user -> new ConnectCommand(connectionId, Optional.of(user.displayName().value()),
                        Optional.of(user.userId()), user.roomAccess()))
                .orElseGet(() -> new ConnectCommand(connectionId,
                        Optional.ofNullable(event.getQueryStringParameters()).map(query -> query.get("name"))));
        return response(answers.connect(connect, command));
    }
}
