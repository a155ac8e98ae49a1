package dev.parley.deploy;

import dev.parley.chat.adapter.in.lambda.WebSocketRoute;
import dev.parley.chat.domain.model.ConnectionLimit;
import dev.parley.chat.domain.model.MessageRateLimit;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.aws_apigatewayv2_integrations.WebSocketLambdaIntegration;
import software.amazon.awscdk.services.apigatewayv2.CfnStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.IWebSocketRouteAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.apigatewayv2.WebSocketApi;
import software.amazon.awscdk.services.apigatewayv2.WebSocketRouteOptions;
import software.amazon.awscdk.services.apigatewayv2.WebSocketStage;
import software.amazon.awscdk.services.lambda.IFunction;
import software.constructs.Construct;
import software.constructs.IDependable;

/**
 * The chat's WebSocket API: routes picked by the frame's {@code action}, one auto-deployed, throttled stage with
 * access logs. Its routes are added once the functions exist, since the functions need this API's id.
 */
final class ChatWebSocketApi extends Construct {

    /**
     * Messages per second the stage accepts (a token bucket with this burst). One message fans out to every other
     * connection, and those sends share the account's 10,000 API Gateway requests per second: 100 messages a second
     * to 100 people already use all of it. A client over the limit gets a 429 on its frame, not a lost message.
     */
    static final int RATE_LIMIT = 100;
    static final int BURST_LIMIT = 200;

    /** How many requests a second a route takes, with bursts of {@code burstLimit}. */
    record Throttle(double rateLimit, int burstLimit) {}

    /** One JSON object per connect, message and disconnect, like the functions' own logs. */
    static final AccessLogFormat ACCESS_LOG_FORMAT = AccessLogFormat.custom(
            "{\"requestId\":\"$context.requestId\",\"requestTime\":\"$context.requestTime\","
            + "\"ip\":\"$context.identity.sourceIp\",\"eventType\":\"$context.eventType\","
            + "\"routeKey\":\"$context.routeKey\",\"connectionId\":\"$context.connectionId\","
            + "\"status\":\"$context.status\",\"error\":\"$context.error.message\"}");

    private final WebSocketApi api;
    private final String stageName;
    private final WebSocketStage stage;
    private final Map<WebSocketRoute, Throttle> routeThrottles;

    ChatWebSocketApi(Construct scope, String id, String stageName, IDependable apiGatewayLogging, RemovalPolicy logRemovalPolicy,
            MessageRateLimit sendRate, ConnectionLimit connectionLimit) {
        super(scope, id);
        this.stageName = stageName;
        this.routeThrottles = routeThrottles(sendRate, connectionLimit);
        this.api = WebSocketApi.Builder.create(this, "Api")
                .apiName(Stack.of(this).getStackName() + "-chat")
                .description("Parley chat: one route per action of the frame")
                .routeSelectionExpression(WebSocketRoute.ROUTE_SELECTION_EXPRESSION)
                .build();
        IAccessLogDestination accessLogs = new LogGroupLogDestination(LogGroups.create(this, "AccessLogs", logRemovalPolicy));
        this.stage = WebSocketStage.Builder.create(this, "Stage")
                .webSocketApi(api)
                .stageName(stageName)
                .autoDeploy(true)
                .throttle(ThrottleSettings.builder().rateLimit(RATE_LIMIT).burstLimit(BURST_LIMIT).build())
                .accessLogSettings(new IAccessLogSettings() {
                    @Override
                    public IAccessLogDestination getDestination() {
                        return accessLogs;
                    }

                    @Override
                    public AccessLogFormat getFormat() {
                        return ACCESS_LOG_FORMAT;
                    }
                })
                .build();
        // API Gateway refuses a stage with logging until the account's CloudWatch role is set.
        stage.getNode().addDependency(apiGatewayLogging);
        Map<String, Object> routeSettings = new TreeMap<>();
        routeThrottles.forEach((route, throttle) -> routeSettings.put(route.routeKey(), Map.of(
                "ThrottlingRateLimit", throttle.rateLimit(), "ThrottlingBurstLimit", throttle.burstLimit())));
        ((CfnStage) stage.getNode().getDefaultChild()).setRouteSettings(routeSettings);
    }

    /**
     * Each route's throttle at the gateway, below the stage's, sized from the functions' own limits (ADR 0009).
     * {@code sendMessage} may use the whole stage: it is what the stage is sized for. Every other route a client can
     * flood ({@code $connect}, the room actions and {@code $default}, where pings and bad frames go) is held to what
     * one user could send on as many connections as they may open if the send allowance were per connection:
     * {@code SEND_RATE_PER_SECOND × MAX_CONNECTIONS_PER_USER} a second, bursts of
     * {@code SEND_BURST × MAX_CONNECTIONS_PER_USER}, at most the stage's. The functions already hold each user to one
     * allowance; this holds a crowd of token holders flooding one of these routes to a share of the stage, leaving the
     * rest to messages. {@code $disconnect} is API Gateway's own report and is not throttled.
     */
    static Map<WebSocketRoute, Throttle> routeThrottles(MessageRateLimit sendRate, ConnectionLimit connectionLimit) {
        int connections = connectionLimit.maxConnectionsPerUser();
        var control = new Throttle(Math.min(RATE_LIMIT, sendRate.perSecond() * connections),
                (int) Math.min(BURST_LIMIT, (long) sendRate.burst() * connections));
        Map<WebSocketRoute, Throttle> throttles = new EnumMap<>(WebSocketRoute.class);
        for (WebSocketRoute route : WebSocketRoute.values()) {
            switch (route) {
                case SEND_MESSAGE -> throttles.put(route, new Throttle(RATE_LIMIT, BURST_LIMIT));
                case DISCONNECT -> { }
                default -> throttles.put(route, control);
            }
        }
        return throttles;
    }

    /**
     * Routes {@code route}'s key to {@code handler}, sending the handler's answer back to the caller on a two-way route.
     * {@code $connect} goes through {@code connectAuthorizer} when there is one: API Gateway authorizes a WebSocket API
     * only there, once per connection.
     */
    void route(WebSocketRoute route, IFunction handler, Optional<IWebSocketRouteAuthorizer> connectAuthorizer) {
        var options = WebSocketRouteOptions.builder()
                .integration(new WebSocketLambdaIntegration(route.name() + "Integration", handler))
                .returnResponse(route.twoWay());
        boolean authorized = route == WebSocketRoute.CONNECT && connectAuthorizer.isPresent();
        if (authorized) {
            options.authorizer(connectAuthorizer.get());
        }
        var added = api.addRoute(route.routeKey(), options.build());
        // A stage's route settings may name only routes that exist.
        stage.getNode().addDependency(added);
        if (!authorized) {
            Nag.suppress(added, "AwsSolutions-APIG4", connectAuthorizer.isPresent()
                    ? "API Gateway authorizes a WebSocket API only on $connect: this route only runs on a connection the"
                            + " $connect authorizer allowed, under the identity it established"
                    : "authorization is turned off (-c authorization=false): Parley is then an open chat like the"
                            + " tutorial it replaces, where anyone with the URL joins under a display name");
        }
    }

    /** What clients connect to: {@code wss://{apiId}.execute-api.{region}.amazonaws.com/{stage}}. */
    String url() {
        return "wss://" + host() + "/" + stageName;
    }

    /**
     * The {@code @connections} base URL, {@code https://{apiId}.execute-api.{region}.amazonaws.com/{stage}}: built from
     * the API id, never from a request's domain name, so sending keeps working behind a custom domain.
     */
    String callbackUrl() {
        return "https://" + host() + "/" + stageName;
    }

    /** What {@code execute-api:ManageConnections} is granted on: POST to connections of this API's stage, nothing else. */
    String manageConnectionsArn() {
        return Stack.of(this).formatArn(ArnComponents.builder()
                .service("execute-api")
                .resource(api.getApiId())
                .resourceName(stageName + "/POST/@connections/*")
                .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
                .build());
    }

    private String host() {
        return api.getApiId() + ".execute-api." + Aws.REGION + "." + Aws.URL_SUFFIX;
    }
}
