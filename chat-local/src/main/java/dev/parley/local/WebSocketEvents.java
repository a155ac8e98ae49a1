package dev.parley.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds the events API Gateway sends a WebSocket API's functions, with the fields it fills. */
final class WebSocketEvents {

    private final String apiId;
    private final String stage;
    private final Clock clock;

    WebSocketEvents(String apiId, String stage, Clock clock) {
        this.apiId = apiId;
        this.stage = stage;
        this.clock = clock;
    }

    /** {@code $connect}, with the handshake's headers and query string (null when it has none, as on AWS). */
    APIGatewayV2WebSocketEvent connect(ConnectionInfo connection, Map<String, List<String>> headers,
            Map<String, List<String>> query) {
        var event = new APIGatewayV2WebSocketEvent();
        event.setHeaders(HttpExchanges.lastValues(headers));
        event.setMultiValueHeaders(headers);
        event.setQueryStringParameters(query.isEmpty() ? null : HttpExchanges.lastValues(query));
        event.setMultiValueQueryStringParameters(query.isEmpty() ? null : query);
        event.setRequestContext(context(connection, RouteTable.CONNECT, "CONNECT", AwsIds.newId(), clock.instant()));
        event.setIsBase64Encoded(false);
        return event;
    }

    /** A frame for {@code routeKey}: text as it came, or binary in base64. */
    APIGatewayV2WebSocketEvent message(ConnectionInfo connection, String routeKey, String body, boolean base64,
            String requestId, Instant receivedAt) {
        var event = new APIGatewayV2WebSocketEvent();
        var context = context(connection, routeKey, "MESSAGE", requestId, receivedAt);
        context.setMessageId(AwsIds.newId());
        event.setRequestContext(context);
        event.setBody(body);
        event.setIsBase64Encoded(base64);
        return event;
    }

    /**
     * {@code $disconnect}, with the headers API Gateway sends on it. Its {@code disconnectStatusCode} and
     * {@code disconnectReason} have no field in the Java event type: the gateway logs them instead.
     */
    APIGatewayV2WebSocketEvent disconnect(ConnectionInfo connection) {
        var event = new APIGatewayV2WebSocketEvent();
        event.setHeaders(Map.of("Host", connection.domainName(), "x-api-key", "", "X-Forwarded-For", "", "x-restapi", ""));
        event.setMultiValueHeaders(Map.of("Host", List.of(connection.domainName())));
        event.setRequestContext(context(connection, RouteTable.DISCONNECT, "DISCONNECT", AwsIds.newId(), clock.instant()));
        event.setIsBase64Encoded(false);
        return event;
    }

    private APIGatewayV2WebSocketEvent.RequestContext context(ConnectionInfo connection, String routeKey,
            String eventType, String requestId, Instant requestTime) {
        var identity = new APIGatewayV2WebSocketEvent.RequestIdentity();
        identity.setSourceIp(connection.sourceIp());
        identity.setUserAgent(connection.userAgent());

        var context = new APIGatewayV2WebSocketEvent.RequestContext();
        context.setRouteKey(routeKey);
        context.setEventType(eventType);
        context.setMessageDirection("IN");
        context.setConnectionId(connection.connectionId());
        context.setConnectedAt(connection.connectedAt().toEpochMilli());
        context.setRequestId(requestId);
        context.setExtendedRequestId(requestId);
        context.setRequestTime(RequestTimes.format(requestTime));
        context.setRequestTimeEpoch(requestTime.toEpochMilli());
        context.setDomainName(connection.domainName());
        context.setStage(stage);
        context.setApiId(apiId);
        context.setIdentity(identity);
        return context;
    }
}
