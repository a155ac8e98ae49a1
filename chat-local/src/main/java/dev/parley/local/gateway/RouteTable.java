package dev.parley.local.gateway;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The functions behind the gateway: WebSocket routes by route key, and REST resources of the REST API stage. Each
 * handler is one instance, created once, as Lambda keeps one per execution environment.
 */
public final class RouteTable {

    public static final String CONNECT = "$connect";
    public static final String DISCONNECT = "$disconnect";
    public static final String DEFAULT = "$default";

    /** One path segment, or a parent segment and a path parameter: {@code broadcastmessage}, {@code broadcasts/{id}}. */
    private static final Pattern RESOURCE = Pattern.compile("[A-Za-z0-9._~-]+(/\\{[A-Za-z0-9_]+\\})?");

    private final Map<String, WebSocketFunction> webSocketRoutes;
    private final Map<String, RestFunction> restRoutes;

    private RouteTable(Map<String, WebSocketFunction> webSocketRoutes, Map<String, RestFunction> restRoutes) {
        this.webSocketRoutes = Map.copyOf(webSocketRoutes);
        this.restRoutes = Map.copyOf(restRoutes);
    }

    public static Builder builder() {
        return new Builder();
    }

    Optional<WebSocketFunction> webSocketRoute(String routeKey) {
        return Optional.ofNullable(webSocketRoutes.get(routeKey));
    }

    /**
     * The route of a text frame, as {@code $request.body.action} selects it: the {@code action} of a JSON object,
     * matched exactly; anything else goes to {@code $default}, and empty means there is no route to take it.
     */
    Optional<WebSocketFunction> routeForText(String body) {
        return action(body)
                .filter(action -> !action.equals(CONNECT) && !action.equals(DISCONNECT))
                .map(webSocketRoutes::get)
                .or(() -> webSocketRoute(DEFAULT));
    }

    /** Binary frames have no body to select by: they always take {@code $default}. */
    Optional<WebSocketFunction> routeForBinary() {
        return webSocketRoute(DEFAULT);
    }

    /**
     * The route of a request path below the stage ({@code broadcastmessage}, {@code broadcasts/42}), with the path
     * parameters it binds, as API Gateway matches a resource: an exact resource first, then a parent with a parameter.
     */
    Optional<RestMatch> restRoute(String path) {
        RestFunction exact = restRoutes.get(path);
        if (exact != null) {
            return Optional.of(new RestMatch(exact, Map.of()));
        }
        String[] segments = path.split("/", -1);
        if (segments.length != 2 || segments[1].isEmpty()) {
            return Optional.empty();
        }
        return restRoutes.values().stream()
                .filter(route -> route.parameter().isPresent() && route.resource().startsWith(segments[0] + "/{"))
                .findFirst()
                .map(route -> new RestMatch(route, Map.of(route.parameter().get(), segments[1])));
    }

    /** A REST route a request matched, and the values of its path parameters. */
    record RestMatch(RestFunction function, Map<String, String> pathParameters) {}

    private static Optional<String> action(String body) {
        try {
            Object parsed = JSON.std.anyFrom(body);
            if (parsed instanceof Map<?, ?> fields && fields.get("action") instanceof String action) {
                return Optional.of(action);
            }
        } catch (IOException | RuntimeException notJson) {
            // Not JSON: API Gateway sends it to $default, as below.
        }
        return Optional.empty();
    }

    /** A WebSocket route; {@code twoWay} routes send the handler's response body back to the caller. */
    record WebSocketFunction(
            String routeKey,
            RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> handler,
            boolean twoWay) {

        WebSocketFunction {
            Objects.requireNonNull(routeKey, "route key");
            Objects.requireNonNull(handler, "handler");
            if (routeKey.isBlank()) {
                throw new IllegalArgumentException("a route key must not be blank");
            }
        }
    }

    /**
     * A resource of the REST API, such as {@code broadcastmessage}, the HTTP methods its function answers, and the
     * CORS the gateway answers for it by itself, if any.
     */
    record RestFunction(
            String resource,
            Set<String> methods,
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler,
            Optional<RestCors> cors) {

        RestFunction {
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(handler, "handler");
            Objects.requireNonNull(cors, "cors");
            if (!RESOURCE.matcher(resource).matches()) {
                throw new IllegalArgumentException("a REST resource is one path segment such as 'broadcastmessage',"
                        + " or one and a path parameter such as 'broadcasts/{id}', not '" + resource + "'");
            }
            if (methods.isEmpty()) {
                throw new IllegalArgumentException("the resource " + resource + " needs at least one HTTP method");
            }
            methods = methods.stream().map(method -> method.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        }

        boolean allows(String method) {
            return methods.contains(method);
        }

        /** The name of the resource's path parameter, if it has one: {@code id} of {@code broadcasts/{id}}. */
        Optional<String> parameter() {
            int open = resource.indexOf("/{");
            return open < 0 ? Optional.empty() : Optional.of(resource.substring(open + 2, resource.length() - 1));
        }
    }

    public static final class Builder {

        private final Map<String, WebSocketFunction> webSocketRoutes = new LinkedHashMap<>();
        private final Map<String, RestFunction> restRoutes = new LinkedHashMap<>();

        private Builder() {}

        /** Adds the WebSocket route {@code routeKey}, such as {@code $connect} or {@code sendMessage}. */
        public Builder webSocketRoute(String routeKey,
                RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> handler, boolean twoWay) {
            WebSocketFunction route = new WebSocketFunction(routeKey, handler, twoWay);
            if (webSocketRoutes.putIfAbsent(routeKey, route) != null) {
                throw new IllegalArgumentException("the WebSocket route " + routeKey + " is already defined");
            }
            return this;
        }

        /** Adds the REST resource {@code /{restStage}/{resource}}, answering {@code methods} by proxy integration. */
        public Builder restRoute(String resource, Set<String> methods,
                RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler) {
            return restRoute(new RestFunction(resource, methods, handler, Optional.empty()));
        }

        /** Adds a REST resource whose CORS preflight and error answers the gateway gives itself, as {@code cors} says. */
        public Builder restRoute(String resource, Set<String> methods,
                RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler, RestCors cors) {
            return restRoute(new RestFunction(resource, methods, handler, Optional.of(cors)));
        }

        private Builder restRoute(RestFunction route) {
            String resource = route.resource();
            if (restRoutes.putIfAbsent(resource, route) != null) {
                throw new IllegalArgumentException("the REST resource " + resource + " is already defined");
            }
            return this;
        }

        public RouteTable build() {
            return new RouteTable(webSocketRoutes, restRoutes);
        }
    }
}
