package dev.parley.chat.adapter.in.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.parley.chat.adapter.in.lambda.authorizer.BroadcastAuthorizerHandler;
import dev.parley.chat.wiring.ChatComponent;
import java.util.List;

/**
 * The REST route of a queued broadcast's status, {@code GET /broadcasts/{broadcastId}}, on the broadcast's API with
 * its API key and authorizer; read by the deployment and the local gateway alike.
 */
public final class BroadcastStatusRoute {

    public static final String RESOURCE_PARENT = "broadcasts";
    public static final String PATH_PARAMETER = "broadcastId";
    /** The resource as API Gateway names it: the parent and the path parameter. */
    public static final String RESOURCE = RESOURCE_PARENT + "/{" + PATH_PARAMETER + "}";
    public static final String METHOD = "GET";
    public static final String HANDLER = BroadcastStatusHandler.class.getName() + "::handleRequest";
    public static final CorsPolicy CORS = new CorsPolicy(List.of(METHOD),
            List.of(BroadcastRoute.API_KEY_HEADER, BroadcastAuthorizerHandler.TOKEN_HEADER));

    private BroadcastStatusRoute() {}

    public static RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> createHandler(
            ChatComponent component) {
        return new BroadcastStatusHandler(component);
    }
}
