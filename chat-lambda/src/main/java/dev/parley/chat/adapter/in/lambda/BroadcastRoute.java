package dev.parley.chat.adapter.in.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.parley.chat.adapter.in.lambda.authorizer.BroadcastAuthorizerHandler;
import dev.parley.chat.wiring.ChatComponent;
import java.util.List;

/** The REST route of the broadcast, read by the deployment and the local gateway alike. */
public final class BroadcastRoute {

    /** The stage of the original tutorial's REST API. */
    public static final String DEFAULT_STAGE = "dev";
    public static final String RESOURCE = "broadcastmessage";
    public static final String METHOD = "POST";
    public static final String HANDLER = BroadcastHandler.class.getName() + "::handleRequest";
    /** The header the API key travels in (API Gateway's own name). */
    public static final String API_KEY_HEADER = "X-Api-Key";
    /**
     * The broadcast page posts JSON, with the API key when the deployment requires one and an administrator's token
     * when authorization is on.
     */
    public static final CorsPolicy CORS = new CorsPolicy(List.of(METHOD),
            List.of("Content-Type", API_KEY_HEADER, BroadcastAuthorizerHandler.TOKEN_HEADER,
                    BroadcastHandler.PREFER_HEADER));

    private BroadcastRoute() {}

    public static RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> createHandler(ChatComponent component) {
        return new BroadcastHandler(component);
    }
}
