package dev.parley.chat.adapter.in.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.parley.chat.wiring.ChatComponent;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * The WebSocket API's routes: the one table the deployment and the local gateway both read, so they cannot drift.
 */
public enum WebSocketRoute {
    CONNECT("$connect", ConnectHandler.class, false, ConnectHandler::new),
    DISCONNECT("$disconnect", DisconnectHandler.class, false, DisconnectHandler::new),
    SEND_MESSAGE("sendMessage", SendMessageHandler.class, true, SendMessageHandler::new),
    JOIN("join", JoinRoomHandler.class, true, JoinRoomHandler::new),
    LEAVE("leave", LeaveRoomHandler.class, true, LeaveRoomHandler::new),
    MEMBERS("members", ListMembersHandler.class, true, ListMembersHandler::new),
    HISTORY("history", HistoryHandler.class, true, HistoryHandler::new),
    DEFAULT("$default", DefaultRouteHandler.class, true, DefaultRouteHandler::new);

    /** API Gateway picks the route by the frame's {@code action} field. */
    public static final String ROUTE_SELECTION_EXPRESSION = "$request.body.action";

    /** The stage of the original tutorial. */
    public static final String DEFAULT_STAGE = "production";

    private final String routeKey;
    private final Class<? extends WebSocketHandler> handlerClass;
    private final boolean twoWay;
    private final Function<ChatComponent, WebSocketHandler> factory;

    WebSocketRoute(String routeKey, Class<? extends WebSocketHandler> handlerClass, boolean twoWay,
            Function<ChatComponent, WebSocketHandler> factory) {
        this.routeKey = routeKey;
        this.handlerClass = handlerClass;
        this.twoWay = twoWay;
        this.factory = factory;
    }

    /** The route key, matched exactly and case-sensitively against the frame's action. */
    public String routeKey() {
        return routeKey;
    }

    /** The Lambda handler string: {@code class::handleRequest}. */
    public String handler() {
        return handlerClass.getName() + "::handleRequest";
    }

    /** Whether the route has a route response, so the handler's answer body goes back to the caller. */
    public boolean twoWay() {
        return twoWay;
    }

    /** A handler wired to {@code component}: what the Lambda runtime makes through the public no-arg constructor. */
    public RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> createHandler(ChatComponent component) {
        return factory.apply(component);
    }

    /** Whether a client names this route in its frame's {@code action}; API Gateway's own routes begin with $. */
    public boolean isAction() {
        return !routeKey.startsWith("$");
    }

    public static Optional<WebSocketRoute> forKey(String routeKey) {
        return Arrays.stream(values()).filter(route -> route.routeKey.equals(routeKey)).findFirst();
    }
}
