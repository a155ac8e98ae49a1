package dev.parley.local;

import dev.parley.chat.adapter.in.lambda.BroadcastRoute;
import dev.parley.chat.adapter.in.lambda.BroadcastStatusRoute;
import dev.parley.chat.adapter.in.lambda.CorsPolicy;
import dev.parley.chat.adapter.in.lambda.PageSecurityPolicy;
import dev.parley.chat.adapter.in.lambda.WebSocketRoute;
import dev.parley.chat.wiring.ChatComponent;
import dev.parley.local.gateway.GatewayUrls;
import dev.parley.local.gateway.RestCors;
import dev.parley.local.gateway.RouteTable;
import java.util.Map;
import java.util.Set;

/** Parley's functions on the local gateway, read from the same route tables the deployment reads. */
final class ParleyRoutes {

    private static final String CONFIG = "config.json";

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
                        new RestCors(BroadcastRoute.CORS.preflightHeaders(origin), CorsPolicy.responseHeaders(origin)))
                .restRoute(BroadcastStatusRoute.RESOURCE, Set.of(BroadcastStatusRoute.METHOD),
                        BroadcastStatusRoute.createHandler(component),
                        new RestCors(BroadcastStatusRoute.CORS.preflightHeaders(origin), CorsPolicy.responseHeaders(origin)))
                .build();
    }

    /**
     * The headers the pages are served with: their Content-Security-Policy, allowing exactly this gateway's two APIs
     * and its {@code config.json}, as reached from the address the page was loaded from.
     */
    static Map<String, String> pageHeaders(GatewayUrls urls) {
        return Map.of(PageSecurityPolicy.HEADER, PageSecurityPolicy.forPages(urls.pages().resolve(CONFIG).toString(),
                urls.webSocket().toString(), urls.rest(BroadcastRoute.RESOURCE).toString()).header());
    }

    /** What {@code /config.json} tells the chat pages. */
    static Map<String, String> pageConfig(GatewayUrls urls) {
        return Map.of(
                "websocketUrl", urls.webSocket().toString(),
                "broadcastUrl", urls.rest(BroadcastRoute.RESOURCE).toString());
    }
}
