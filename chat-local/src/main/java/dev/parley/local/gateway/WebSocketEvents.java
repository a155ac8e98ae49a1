package dev.parley.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds the events API Gateway sends a WebSocket API's functions, with the fields it fills. */
final class WebSocketEvents {

    private static final String LOCAL_ACCOUNT = "000000000000";
    private static final String LOCAL_REGION = "us-east-1";

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

    /**
     * What a Lambda REQUEST authorizer of {@code $connect} gets: the handshake's headers and query string, and
     * {@code methodArn}, the ARN of this API's {@code $connect} that its policy must allow.
     */
    APIGatewayCustomAuthorizerEvent authorizerRequest(ConnectionInfo connection, Map<String, List<String>> headers,
            Map<String, List<String>> query) {
        var identity = new APIGatewayCustomAuthorizerEvent.Identity();
        identity.setSourceIp(connection.sourceIp());
        var context = new APIGatewayCustomAuthorizerEvent.RequestContext();
        context.setAccountId(LOCAL_ACCOUNT);
        context.setApiId(apiId);
        context.setStage(stage);
        context.setRequestId(AwsIds.newId());
        context.setIdentity(identity);
        var event = new APIGatewayCustomAuthorizerEvent();
        event.setType("REQUEST");
        event.setMethodArn(connectMethodArn());
        event.setHeaders(HttpExchanges.lastValues(headers));
        event.setQueryStringParameters(query.isEmpty() ? null : HttpExchanges.lastValues(query));
        event.setStageVariables(Map.of());
        event.setRequestContext(context);
        return event;
    }

    /** {@code arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/$connect}. */
    private String connectMethodArn() {
        return "arn:aws:execute-api:" + LOCAL_REGION + ":" + LOCAL_ACCOUNT + ":" + apiId + "/" + stage + "/"
                + RouteTable.CONNECT;
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
        if (!connection.authorizer().isEmpty()) {
            // API Gateway repeats what the authorizer allowed in every event of the connection.
            context.setAuthorizer(connection.authorizer());
        }
        return context;
    }
}
