package dev.parley.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.parley.local.gateway.RouteTable.RestFunction;
import dev.parley.local.gateway.lambda.LambdaRuntime;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The REST API stage: each resource's function behind a Lambda proxy integration; with an authorizer, callable only by
 * requests it allows, and with an API key, only by requests that carry it in {@code x-api-key} (CORS preflights
 * excepted, as their methods need neither).
 */
final class RestApi {

    /** API Gateway's payload limit for REST APIs. */
    static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;
    static final String API_KEY_HEADER = "x-api-key";

    private final RouteTable routes;
    private final Optional<ApiKey> apiKey;
    private final Optional<RestAuthorizer> authorizer;
    private final ProxyEvents events;
    private final LambdaRuntime runtime;
    private final GatewayLog log;
    private final Clock clock;

    RestApi(RouteTable routes, Optional<ApiKey> apiKey, Optional<RestAuthorizer> authorizer, ProxyEvents events,
            LambdaRuntime runtime, GatewayLog log, Clock clock) {
        this.routes = routes;
        this.apiKey = apiKey;
        this.authorizer = authorizer;
        this.events = events;
        this.runtime = runtime;
        this.log = log;
        this.clock = clock;
    }

    /** Answers a request for {@code path}, the request's path below the stage: {@code broadcasts/42}. */
    void handle(Request request, Response response, Callback callback, String path) {
        String method = request.getMethod();
        Optional<RouteTable.RestMatch> match = routes.restRoute(path);
        // The resource as API Gateway names it, parameters as templates: what authorizers and the event see.
        String resource = match.map(found -> found.function().resource()).orElse(path);
        Optional<RestCors> cors = match.flatMap(found -> found.function().cors());
        if ("OPTIONS".equals(method) && cors.isPresent()) {
            // API Gateway answers the preflight itself, by a mock integration: no key is asked, no function runs.
            cors.get().preflightHeaders().forEach(response.getHeaders()::put);
            response.setStatus(204);
            callback.succeeded();
            log.invocation(method + " /" + resource, "-", 204, 0, "CORS preflight");
            return;
        }
        Optional<RestFunction> route = match.map(RouteTable.RestMatch::function).filter(function -> function.allows(method));
        if (route.isEmpty()) {
            // What API Gateway answers for a resource or method the API does not have.
            HttpExchanges.replyError(response, callback, 403, "MissingAuthenticationTokenException",
                    "Missing Authentication Token");
            return;
        }
        String requestId = UUID.randomUUID().toString();
        Map<String, Object> authorizerContext = Map.of();
        if (authorizer.isPresent()) {
            // API Gateway runs the authorizer before it checks the API key.
            ConnectAuthorizer.Decision decision = authorizer.get().authorize(method, resource,
                    request.getHeaders().get(authorizer.get().identityHeader()), requestId);
            if (decision instanceof ConnectAuthorizer.Refused refused) {
                cors.ifPresent(rules -> rules.errorHeaders().forEach(response.getHeaders()::put));
                replyRefused(response, callback, refused.status());
                return;
            }
            authorizerContext = ((ConnectAuthorizer.Allowed) decision).authorizer();
        }
        boolean keyMissing = apiKey.isPresent() && !apiKey.get().matches(request.getHeaders().get(API_KEY_HEADER));
        if (keyMissing && !"OPTIONS".equals(method)) {
            // What API Gateway answers a method with a required API key called without it, or with a wrong one.
            cors.ifPresent(rules -> rules.errorHeaders().forEach(response.getHeaders()::put));
            HttpExchanges.replyError(response, callback, 403, "ForbiddenException", "Forbidden");
            log.invocation(method + " /" + resource, "-", 403, 0, "no valid API key");
            return;
        }
        Instant receivedAt = clock.instant();
        Map<String, Object> allowedAs = authorizerContext;
        Content.Source.asByteArrayAsync(request, MAX_PAYLOAD_BYTES).whenComplete((body, tooLargeOrBroken) -> {
            if (tooLargeOrBroken != null) {
                HttpExchanges.replyError(response, callback, 413, "RequestEntityTooLargeException",
                        "Request Too Long: the limit is " + MAX_PAYLOAD_BYTES + " bytes");
                return;
            }
            APIGatewayProxyRequestEvent event = events.request(resource, path, match.get().pathParameters(), method,
                    HttpExchanges.headers(request),
                    HttpExchanges.query(request), body, Request.getRemoteAddr(request), HttpExchanges.host(request),
                    receivedAt, requestId);
            if (!allowedAs.isEmpty()) {
                event.getRequestContext().setAuthorizer(allowedAs);
            }
            runtime.pool().execute(() -> invoke(route.get(), event, response, callback));
        });
    }

    private void invoke(RestFunction route, APIGatewayProxyRequestEvent event, Response response, Callback callback) {
        long started = System.nanoTime();
        int status;
        try {
            APIGatewayProxyResponseEvent answer = runtime.invoke(route.handler(), event, event.getRequestContext().getRequestId());
            status = write(answer, response, callback);
        } catch (LambdaRuntime.FunctionError failure) {
            status = internalServerError(response, callback);
        }
        log.invocation(event.getHttpMethod() + " /" + route.resource(), "-", status,
                (System.nanoTime() - started) / 1_000_000, "");
    }

    private static int write(APIGatewayProxyResponseEvent answer, Response response, Callback callback) {
        if (answer == null || answer.getStatusCode() == null) {
            // API Gateway's answer to a malformed proxy response.
            return internalServerError(response, callback);
        }
        Optional<byte[]> body;
        try {
            body = Optional.ofNullable(answer.getBody()).map(text -> Boolean.TRUE.equals(answer.getIsBase64Encoded())
                    ? Base64.getDecoder().decode(text)
                    : text.getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64) {
            return internalServerError(response, callback);
        }
        if (answer.getMultiValueHeaders() != null) {
            answer.getMultiValueHeaders().forEach((name, values) -> values.forEach(value -> response.getHeaders().add(name, value)));
        }
        if (answer.getHeaders() != null) {
            answer.getHeaders().forEach((name, value) -> response.getHeaders().put(name, value));
        }
        response.setStatus(answer.getStatusCode());
        if (body.isPresent()) {
            response.write(true, ByteBuffer.wrap(body.get()), callback);
        } else {
            callback.succeeded();
        }
        return answer.getStatusCode();
    }

    /** API Gateway's own answers for an authorizer's 401 (no or a bad token), 403 (denied) and 500 (it failed). */
    private static void replyRefused(Response response, Callback callback, int status) {
        switch (status) {
            case 401 -> HttpExchanges.replyError(response, callback, 401, "UnauthorizedException", "Unauthorized");
            case 403 -> HttpExchanges.replyError(response, callback, 403, "AccessDeniedException",
                    "User is not authorized to access this resource with an explicit deny");
            default -> HttpExchanges.replyError(response, callback, 500, "AuthorizerConfigurationException",
                    "Internal server error");
        }
    }

    private static int internalServerError(Response response, Callback callback) {
        response.getHeaders().put(HttpExchanges.ERROR_TYPE_HEADER, "InternalServerErrorException");
        HttpExchanges.reply(response, callback, 502, "application/json",
                HttpExchanges.json(Map.of("message", "Internal server error")));
        return 502;
    }
}
