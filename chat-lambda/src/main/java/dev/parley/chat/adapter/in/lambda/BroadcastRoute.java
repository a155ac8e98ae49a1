package dev.parley.chat.adapter.in.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.parley.chat.wiring.ChatComponent;

/** The REST route of the broadcast, read by the deployment and the local gateway alike. */
public final class BroadcastRoute {

    /** The stage of the original tutorial's REST API. */
    public static final String DEFAULT_STAGE = "dev";
    public static final String RESOURCE = "broadcastmessage";
    public static final String METHOD = "POST";
    public static final String HANDLER = BroadcastHandler.class.getName() + "::handleRequest";

    private BroadcastRoute() {}

    public static RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> createHandler(ChatComponent component) {
        return new BroadcastHandler(component);
    }
}
