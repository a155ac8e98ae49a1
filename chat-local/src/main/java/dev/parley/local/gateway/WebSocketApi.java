package dev.parley.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.parley.local.gateway.RouteTable.WebSocketFunction;
import dev.parley.local.gateway.lambda.LambdaRuntime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

/**
 * The WebSocket API stage: handshakes through {@code $connect}, frames to the route their {@code action} selects,
 * {@code $disconnect} whenever a connection ends, and API Gateway's limits on frames, messages and time.
 */
final class WebSocketApi {

    /** API Gateway's frame and message size limits; beyond them it closes the connection with 1009. */
    static final int MAX_FRAME_BYTES = 32 * 1024;
    static final int MAX_MESSAGE_BYTES = 128 * 1024;

    private final RouteTable routes;
    private final Optional<ConnectAuthorizer> authorizer;
    private final WebSocketEvents events;
    private final LambdaRuntime runtime;
    private final GatewayLog log;
    private final OpenConnections connections;
    private final ScheduledExecutorService scheduler;
    private final ConnectionLimits limits;
    private final Clock clock;
    private volatile ServerWebSocketContainer container;
    private volatile boolean closing;

    WebSocketApi(RouteTable routes, Optional<ConnectAuthorizer> authorizer, WebSocketEvents events, LambdaRuntime runtime,
            GatewayLog log, OpenConnections connections, ScheduledExecutorService scheduler, ConnectionLimits limits,
            Clock clock) {
        this.routes = routes;
        this.authorizer = authorizer;
        this.events = events;
        this.runtime = runtime;
        this.log = log;
        this.connections = connections;
        this.scheduler = scheduler;
        this.limits = limits;
        this.clock = clock;
    }

    /** Applies API Gateway's limits to the server's WebSocket container. */
    void install(ServerWebSocketContainer webSockets) {
        webSockets.setMaxFrameSize(MAX_FRAME_BYTES);
        webSockets.setMaxTextMessageSize(MAX_MESSAGE_BYTES);
        webSockets.setMaxBinaryMessageSize(MAX_MESSAGE_BYTES);
        // Jetty would split an oversized frame instead of refusing it.
        webSockets.setAutoFragment(false);
        // The connections' own timers close idle ones, counting only the client's frames; Jetty's must never fire first.
        webSockets.setIdleTimeout(limits.maxDuration().plus(limits.idleTimeout()));
        this.container = webSockets;
    }

    /** A request to the stage's URL: a handshake, answered once the authorizer, if any, and {@code $connect} have. */
    void handshake(Request request, Response response, Callback callback) {
        if (closing) {
            HttpExchanges.replyError(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, "ServiceUnavailableException",
                    "the gateway is stopping");
            return;
        }
        if (!isWebSocketUpgrade(request)) {
            HttpExchanges.replyError(response, callback, HttpStatus.UPGRADE_REQUIRED_426, "UpgradeRequiredException",
                    "this is a WebSocket API: connect with a WebSocket client");
            return;
        }
        var handshake = new ConnectionInfo(AwsIds.newId(), clock.instant(), Request.getRemoteAddr(request),
                HttpExchanges.header(request, HttpHeader.USER_AGENT), HttpExchanges.host(request), Map.of());
        Map<String, List<String>> headers = HttpExchanges.headers(request);
        Map<String, List<String>> query = HttpExchanges.query(request);
        var invocations = new SerialExecutor(runtime.pool());
        invocations.execute(() -> {
            ConnectAuthorizer.Decision decision = authorizer
                    .map(check -> check.authorize(handshake, headers, query))
                    .orElseGet(() -> new ConnectAuthorizer.Allowed(Map.of()));
            if (decision instanceof ConnectAuthorizer.Refused refused) {
                refuse(response, callback, refused.status());
                return;
            }
            var info = handshake.withAuthorizer(((ConnectAuthorizer.Allowed) decision).authorizer());
            var connection = new GatewayConnection(info, this, invocations, scheduler, limits, clock);
            Optional<WebSocketFunction> route = routes.webSocketRoute(RouteTable.CONNECT);
            Optional<APIGatewayV2WebSocketResponse> answer =
                    route.flatMap(function -> invoke(function, events.connect(info, headers, query), ""));
            // No $connect route accepts every handshake; a failed one refuses it as a failed integration does.
            int status = route.isEmpty() ? HttpStatus.OK_200
                    : answer.map(WebSocketApi::statusOf).orElse(HttpStatus.INTERNAL_SERVER_ERROR_500);
            if (!HttpStatus.isSuccess(status)) {
                refuse(response, callback, status);
                return;
            }
            upgrade(request, response, callback, connection, answer);
        });
    }

    void opened(GatewayConnection connection) {
        connections.add(connection);
    }

    /** A text frame: to the route its action selects, or {@code $default}, or the Forbidden answer. */
    void received(GatewayConnection connection, String body) {
        dispatch(connection, body, false, routes.routeForText(body));
    }

    /** A binary frame: to {@code $default}, base64-encoded. */
    void receivedBinary(GatewayConnection connection, byte[] body) {
        dispatch(connection, Base64.getEncoder().encodeToString(body), true, routes.routeForBinary());
    }

    /** The connection ended, however: {@code $disconnect} runs after the invocations already queued. */
    void ended(GatewayConnection connection, int statusCode, String reason) {
        connections.remove(connection);
        var disconnect = events.disconnect(connection.info());
        String details = "disconnectStatusCode=" + statusCode + " disconnectReason="
                + GatewayLog.quoted(reason == null ? "" : reason);
        connection.invocations().execute(() -> {
            try {
                routes.webSocketRoute(RouteTable.DISCONNECT).ifPresent(route -> invoke(route, disconnect, details));
            } finally {
                connection.markDisconnected();
            }
        });
    }

    /** Closes every connection with 1001 and waits, up to {@code patience}, for their {@code $disconnect}s. */
    void closeAll(Duration patience) {
        closing = true;
        List<GatewayConnection> open = connections.all();
        open.forEach(connection -> connection.close(GatewayConnection.GOING_AWAY, GatewayConnection.GOING_AWAY_REASON));
        try {
            CompletableFuture.allOf(open.stream().map(GatewayConnection::disconnected).toArray(CompletableFuture[]::new))
                    .get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.notice("gave up waiting for the $disconnect of " + connections.count() + " connections");
        } catch (ExecutionException e) {
            throw new IllegalStateException("a $disconnect failed to complete", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void refuse(Response response, Callback callback, int status) {
        HttpExchanges.reply(response, callback, status, "application/json",
                HttpExchanges.json(Map.of("message", HttpStatus.getMessage(status))));
    }

    private void upgrade(Request request, Response response, Callback callback, GatewayConnection connection,
            Optional<APIGatewayV2WebSocketResponse> connectAnswer) {
        try {
            boolean upgraded = container.upgrade((upgradeRequest, upgradeResponse, upgradeCallback) -> {
                // API Gateway negotiates no extension: frame limits apply to the bytes as sent.
                upgradeResponse.setExtensions(List.of());
                connectAnswer.flatMap(WebSocketApi::subprotocol).ifPresent(upgradeResponse::setAcceptedSubProtocol);
                return connection;
            }, request, response, callback);
            if (!upgraded) {
                HttpExchanges.replyError(response, callback, HttpStatus.BAD_REQUEST_400, "BadRequestException",
                        "not a valid WebSocket handshake");
            }
        } catch (RuntimeException failure) {
            callback.failed(failure);
        }
    }

    private void dispatch(GatewayConnection connection, String body, boolean binary, Optional<WebSocketFunction> route) {
        Instant receivedAt = clock.instant();
        String requestId = AwsIds.newId();
        connection.invocations().execute(() -> {
            if (route.isEmpty()) {
                connection.sendText(gatewayAnswer("Forbidden", connection, requestId));
                log.invocation("(none)", connection.id(), HttpStatus.FORBIDDEN_403, 0, "no route and no $default: Forbidden");
                return;
            }
            var event = events.message(connection.info(), route.get().routeKey(), body, binary, requestId, receivedAt);
            invoke(route.get(), event, "").ifPresentOrElse(
                    answer -> {
                        if (route.get().twoWay() && answer.getBody() != null) {
                            connection.sendText(answer.getBody());
                        }
                    },
                    () -> connection.sendText(gatewayAnswer("Internal server error", connection, requestId)));
        });
    }

    /** Invokes the route's function and logs the line; empty when the function failed. */
    private Optional<APIGatewayV2WebSocketResponse> invoke(WebSocketFunction route, APIGatewayV2WebSocketEvent event,
            String details) {
        var context = event.getRequestContext();
        long started = System.nanoTime();
        Optional<APIGatewayV2WebSocketResponse> answer;
        int status;
        try {
            answer = Optional.of(Optional.ofNullable(runtime.invoke(route.handler(), event, context.getRequestId()))
                    .orElseGet(APIGatewayV2WebSocketResponse::new));
            status = statusOf(answer.get());
        } catch (LambdaRuntime.FunctionError failure) {
            answer = Optional.empty();
            status = HttpStatus.INTERNAL_SERVER_ERROR_500;
            details = (details + " function error").strip();
        }
        log.invocation(route.routeKey(), context.getConnectionId(), status, (System.nanoTime() - started) / 1_000_000, details);
        return answer;
    }

    /** A response that sets no status code counts as 200, as API Gateway takes a Lambda answer without one. */
    private static int statusOf(APIGatewayV2WebSocketResponse answer) {
        return answer.getStatusCode() == 0 ? HttpStatus.OK_200 : answer.getStatusCode();
    }

    private static Optional<String> subprotocol(APIGatewayV2WebSocketResponse answer) {
        return Optional.ofNullable(answer.getHeaders()).flatMap(headers -> headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(HttpHeader.SEC_WEBSOCKET_SUBPROTOCOL.asString()))
                .map(Map.Entry::getValue)
                .findFirst());
    }

    /** API Gateway's own answer frame, such as {@code {"message": "Forbidden", "connectionId": ..., "requestId": ...}}. */
    private static String gatewayAnswer(String message, GatewayConnection connection, String requestId) {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("message", message);
        answer.put("connectionId", connection.id());
        answer.put("requestId", requestId);
        return HttpExchanges.json(answer);
    }

    private static boolean isWebSocketUpgrade(Request request) {
        return "GET".equals(request.getMethod())
                && "websocket".equalsIgnoreCase(request.getHeaders().get(HttpHeader.UPGRADE))
                && request.getHeaders().contains(HttpHeader.SEC_WEBSOCKET_KEY);
    }
}
