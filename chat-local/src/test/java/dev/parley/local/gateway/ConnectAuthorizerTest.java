package dev.parley.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A $connect REQUEST authorizer on the local gateway, refusing and allowing handshakes as API Gateway does. */
class ConnectAuthorizerTest {

    private final BlockingQueue<APIGatewayCustomAuthorizerEvent> authorizerEvents = new LinkedBlockingQueue<>();
    private final RecordingRoute connect = RecordingRoute.answering(200, null);
    private final RecordingRoute disconnect = RecordingRoute.answering(200, null);
    private final RecordingRoute echo = RecordingRoute.echo();

    @Test
    void givenAllowPolicy_handshake_passesTheAuthorizerContextToEveryEventOfTheConnection() throws Exception {
        try (var fixture = gateway(event -> policy("user-42", "Allow", event.getMethodArn(), Map.of("userId", "user-42", "displayName", "Ada")))) {
            TestClient client = fixture.connect("?token=good&name=Mallory");
            client.send("{\"action\":\"echo\"}");
            assertThat(client.next()).isEqualTo("{\"action\":\"echo\"}");
            client.close();

            APIGatewayCustomAuthorizerEvent request = authorizerEvents.poll(10, TimeUnit.SECONDS);
            APIGatewayV2WebSocketEvent connected = connect.nextEvent();
            assertThat(request.getType()).isEqualTo("REQUEST");
            assertThat(request.getMethodArn()).isEqualTo("arn:aws:execute-api:us-east-1:000000000000:"
                    + connected.getRequestContext().getApiId() + "/production/$connect");
            assertThat(request.getQueryStringParameters()).containsEntry("token", "good").containsEntry("name", "Mallory");
            assertThat(request.getHeaders()).containsKeys("Host", "Sec-WebSocket-Key");
            assertThat(request.getRequestContext().getApiId()).isEqualTo(connected.getRequestContext().getApiId());
            assertThat(request.getRequestContext().getIdentity().getSourceIp()).isEqualTo("127.0.0.1");
            for (APIGatewayV2WebSocketEvent event : List.of(connected, echo.nextEvent(), disconnect.nextEvent())) {
                assertThat(event.getRequestContext().getAuthorizer()).as(event.getRequestContext().getRouteKey())
                        .containsEntry("principalId", "user-42")
                        .containsEntry("userId", "user-42")
                        .containsEntry("displayName", "Ada")
                        .containsKey("integrationLatency");
            }
            fixture.awaitLine("route=authorizer", "status=200", "principalId=user-42");
        }
    }

    @Test
    void givenNoTokenOrAnEmptyOne_handshake_isRefusedWith401WithoutInvokingTheAuthorizer() throws Exception {
        try (var fixture = gateway(event -> policy("user-42", "Allow", event.getMethodArn(), Map.of()))) {
            assertRefused(fixture, "", 401);
            assertRefused(fixture, "?name=Ann", 401);
            assertRefused(fixture, "?token=", 401);

            assertThat(authorizerEvents).isEmpty();
            assertThat(connect.hasNoEvent()).isTrue();
            fixture.awaitLine("route=authorizer", "status=401", "no token in the query string");
        }
    }

    @Test
    void givenDenyPolicy_handshake_isRefusedWith403AndConnectNeverRuns() throws Exception {
        try (var fixture = gateway(event -> policy("anonymous", "Deny", event.getMethodArn(), Map.of()))) {
            assertRefused(fixture, "?token=bad", 403);

            assertThat(connect.hasNoEvent()).isTrue();
            assertThat(fixture.gateway().openConnections()).isZero();
        }
    }

    @Test
    void givenAllowPolicyForAnotherApiOrRoute_handshake_isRefusedWith403() throws Exception {
        try (var fixture = gateway(event -> policy("user-42", "Allow",
                event.getMethodArn().replace("/$connect", "/sendMessage"), Map.of()))) {
            assertRefused(fixture, "?token=good", 403);
        }
    }

    @Test
    void givenAllowPolicyWithWildcards_handshake_isAllowed() throws Exception {
        try (var fixture = gateway(event -> policy("user-42", "Allow", "arn:aws:execute-api:*:*:*/prod?ction/*", Map.of()))) {
            fixture.connect("?token=good").close();

            assertThat(connect.nextEvent().getRequestContext().getAuthorizer()).containsEntry("principalId", "user-42");
        }
    }

    @Test
    void givenAuthorizerFailingWithUnauthorized_handshake_isRefusedWith401() throws Exception {
        try (var fixture = gateway(event -> {
            throw new IllegalStateException("Unauthorized");
        })) {
            assertRefused(fixture, "?token=whatever", 401);
        }
    }

    @Test
    void givenAuthorizerFailingOtherwiseOrAnsweringWhatApiGatewayCannotUse_handshake_isRefusedWith500() throws Exception {
        List<Function<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1>> broken = List.of(
                event -> {
                    throw new IllegalStateException("secret unavailable");
                },
                event -> null,
                event -> policy(null, "Allow", event.getMethodArn(), Map.of()),
                event -> IamPolicyResponseV1.builder().withPrincipalId("user-42").build(),
                event -> policy("user-42", "Allow", event.getMethodArn(), Map.of("roles", List.of("admin"))));
        for (var answer : broken) {
            try (var fixture = gateway(answer)) {
                assertRefused(fixture, "?token=whatever", 500);
                assertThat(connect.hasNoEvent()).isTrue();
            }
        }
    }

    @Test
    void givenDenyNextToAnAllow_allows_letsTheDenyWin() {
        String arn = "arn:aws:execute-api:us-east-1:000000000000:abcdefghij/production/$connect";
        var both = IamPolicyResponseV1.builder().withPrincipalId("u").withPolicyDocument(IamPolicyResponseV1.PolicyDocument.builder()
                .withVersion(IamPolicyResponseV1.VERSION_2012_10_17)
                .withStatement(List.of(IamPolicyResponseV1.allowStatement("*"), IamPolicyResponseV1.denyStatement(arn)))
                .build()).build();

        assertThat(ConnectAuthorizer.allows(both, arn)).hasValue(false);
        assertThat(ConnectAuthorizer.allows(both, arn.replace("abcdefghij", "otherapiid"))).hasValue(true);
    }

    private GatewayFixture gateway(Function<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1> answer) {
        RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1> authorizer = (event, context) -> {
            authorizerEvents.add(event);
            return answer.apply(event);
        };
        var routes = RouteTable.builder()
                .webSocketRoute("$connect", connect, false)
                .webSocketRoute("$disconnect", disconnect, false)
                .webSocketRoute("echo", echo, true)
                .build();
        return new GatewayFixture(routes, builder -> builder.connectAuthorizer(authorizer, "token"));
    }

    private static IamPolicyResponseV1 policy(String principalId, String effect, String resource, Map<String, Object> context) {
        var statement = "Allow".equals(effect)
                ? IamPolicyResponseV1.allowStatement(resource)
                : IamPolicyResponseV1.denyStatement(resource);
        return IamPolicyResponseV1.builder()
                .withPrincipalId(principalId)
                .withPolicyDocument(IamPolicyResponseV1.PolicyDocument.builder()
                        .withVersion(IamPolicyResponseV1.VERSION_2012_10_17)
                        .withStatement(List.of(statement))
                        .build())
                .withContext(context)
                .build();
    }

    private static void assertRefused(GatewayFixture fixture, String query, int status) {
        assertThatThrownBy(() -> TestClient.attempt(URI.create(fixture.gateway().urls().webSocket() + query)).join())
                .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        refused -> assertThat(refused.getResponse().statusCode()).isEqualTo(status));
    }
}
