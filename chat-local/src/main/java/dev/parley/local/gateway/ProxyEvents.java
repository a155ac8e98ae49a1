package dev.parley.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the events of a REST API's Lambda proxy integration, with the fields API Gateway fills. */
final class ProxyEvents {

    private static final String LOCAL_ACCOUNT = "000000000000";
    private static final String LOCAL_REGION = "us-east-1";

    private final String apiId;
    private final String stage;

    ProxyEvents(String apiId, String stage) {
        this.apiId = apiId;
        this.stage = stage;
    }

    /** The request {@code method /{stage}/{resource}}; a body that is not UTF-8 travels in base64, as binary does. */
    APIGatewayProxyRequestEvent request(String resource, String path, Map<String, String> pathParameters, String method,
            Map<String, List<String>> headers,
            Map<String, List<String>> query, byte[] body, String sourceIp, String host, Instant receivedAt,
            String requestId) {
        var identity = new APIGatewayProxyRequestEvent.RequestIdentity();
        identity.setSourceIp(sourceIp);
        identity.setUserAgent(headerValue(headers, "User-Agent").orElse(null));

        var context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setAccountId(LOCAL_ACCOUNT);
        context.setApiId(apiId);
        context.setStage(stage);
        context.setResourceId(apiId.substring(0, 6));
        context.setResourcePath("/" + resource);
        context.setHttpMethod(method);
        context.setPath("/" + stage + "/" + path);
        context.setRequestId(requestId);
        context.setExtendedRequestId(AwsIds.newId());
        context.setRequestTime(RequestTimes.format(receivedAt));
        context.setRequestTimeEpoch(receivedAt.toEpochMilli());
        context.setDomainName(host);
        context.setDomainPrefix(host.split("[.:]", 2)[0]);
        context.setProtocol("HTTP/1.1");
        context.setIdentity(identity);

        var event = new APIGatewayProxyRequestEvent()
                .withResource("/" + resource)
                .withPath("/" + path)
                .withPathParameters(pathParameters.isEmpty() ? null : Map.copyOf(pathParameters))
                .withHttpMethod(method)
                .withHeaders(HttpExchanges.lastValues(headers))
                .withMultiValueHeaders(headers)
                .withQueryStringParameters(query.isEmpty() ? null : HttpExchanges.lastValues(query))
                .withMultiValueQueryStringParameters(query.isEmpty() ? null : query)
                .withRequestContext(context);
        if (body.length == 0) {
            return event.withIsBase64Encoded(false);
        }
        Optional<String> text = HttpExchanges.utf8(body);
        return event
                .withBody(text.orElseGet(() -> Base64.getEncoder().encodeToString(body)))
                .withIsBase64Encoded(text.isEmpty());
    }

    /** What a TOKEN authorizer of {@code method /{resource}} gets: the identity header's value and the method's ARN. */
    APIGatewayCustomAuthorizerEvent tokenAuthorizerRequest(String method, String resource, String token) {
        var event = new APIGatewayCustomAuthorizerEvent();
        event.setType("TOKEN");
        event.setAuthorizationToken(token);
        event.setMethodArn("arn:aws:execute-api:" + LOCAL_REGION + ":" + LOCAL_ACCOUNT + ":" + apiId + "/" + stage + "/"
                + method + "/" + resource);
        return event;
    }

    private static Optional<String> headerValue(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(header -> header.getValue().get(header.getValue().size() - 1))
                .findFirst();
    }
}
