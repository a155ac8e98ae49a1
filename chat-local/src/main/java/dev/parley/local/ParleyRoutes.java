package dev.parley.local;

import dev.parley.chat.adapter.in.lambda.BroadcastRoute;
import dev.parley.chat.adapter.in.lambda.CorsPolicy;
import dev.parley.chat.adapter.in.lambda.WebSocketRoute;
import dev.parley.chat.wiring.ChatComponent;
import dev.parley.local.gateway.GatewayUrls;
import dev.parley.local.gateway.RestCors;
import dev.parley.local.gateway.RouteTable;
import java.util.Map;
import java.util.Set;

/** Parley's functions on the local gateway, read from the same route tables the deployment reads. */
final class ParleyRoutes {

    private ParleyRoutes() {}

    /** One handler per route, wired to {@code component}, as Lambda makes one per function. */
    static RouteTable of(ChatComponent component) {
        RouteTable.Builder routes = RouteTable.builder();
        for (WebSocketRoute route : WebSocketRoute.values()) {
            routes.webSocketRoute(route.routeKey(), route.createHandler(component), route.twoWay());
        }
        String origin = component.configuration().allowedOrigin();
        return routes.restRoute(BroadcastRoute.RESOURCE, Set.of(BroadcastRoute.METHOD),
                BroadcastRoute.createHandler(component),
                new RestCors(BroadcastRoute.CORS.preflightHeaders(origin), CorsPolicy.responseHeaders(origin))).build();
    }

    /** What {@code /config.json} tells the chat pages. */
    static Map<String, String> pageConfig(GatewayUrls urls) {
        return Map.of(
                "websocketUrl", urls.webSocket().toString(),
                "broadcastUrl", urls.rest(BroadcastRoute.RESOURCE).toString());
    }
}
