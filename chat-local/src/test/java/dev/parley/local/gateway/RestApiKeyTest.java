package dev.parley.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A REST API whose methods require an API key, as the deployment's broadcast method does. */
class RestApiKeyTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String KEY = "k3y-of-at-least-twenty-characters";
    private static final RestCors CORS = new RestCors(
            Map.of("Access-Control-Allow-Origin", "https://pages.example", "Vary", "Origin",
                    "Access-Control-Allow-Methods", "POST", "Access-Control-Allow-Headers", "Content-Type,X-Api-Key"),
            Map.of("Access-Control-Allow-Origin", "https://pages.example", "Vary", "Origin"));

    private final AtomicInteger invocations = new AtomicInteger();
    private final RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> answering = (request, context) -> {
        invocations.incrementAndGet();
        return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody("{\"method\":\"" + request.getHttpMethod() + "\"}");
    };

    @Test
    void givenRequiredKey_postWithoutItOrWithAnotherOne_answers403ForbiddenWithoutInvokingTheFunction() throws Exception {
        try (var fixture = gateway()) {
            for (String key : new String[] {null, "", "wrong-key-of-twenty-characters", KEY + "x", KEY.toUpperCase()}) {
                HttpResponse<String> response = post(fixture, key);
                assertThat(response.statusCode()).as(String.valueOf(key)).isEqualTo(403);
                assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("ForbiddenException");
                assertThat(response.body()).isEqualTo("{\"message\":\"Forbidden\"}");
            }
            assertThat(invocations).hasValue(0);
            fixture.awaitLine("route=POST /broadcastmessage", "status=403", "no valid API key");
        }
    }

    @Test
    void givenRequiredKey_postWithIt_reachesTheFunction() throws Exception {
        try (var fixture = gateway()) {
            HttpResponse<String> response = post(fixture, KEY);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"method\":\"POST\"}");
            assertThat(invocations).hasValue(1);
        }
    }

    @Test
    void givenRequiredKey_corsPreflight_needsNoKey() throws Exception {
        try (var fixture = gateway()) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(fixture.gateway().urls().rest("broadcastmessage"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"method\":\"OPTIONS\"}");
        }
    }

    @Test
    void givenCors_preflight_isAnsweredByTheGatewayWithItsHeadersWithoutKeyOrFunction() throws Exception {
        try (var fixture = gatewayWithCors()) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(fixture.gateway().urls().rest("broadcastmessage"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(204);
            CORS.preflightHeaders().forEach((name, value) -> assertThat(response.headers().allValues(name)).as(name).containsExactly(value));
            assertThat(response.headers().map().keySet()).filteredOn(name -> name.toLowerCase().startsWith("access-control-"))
                    .hasSize(3);
            assertThat(invocations).hasValue(0);
            fixture.awaitLine("route=OPTIONS /broadcastmessage", "status=204", "CORS preflight");
        }
    }

    @Test
    void givenCors_postWithoutKey_carriesTheErrorHeadersSoThePageCanReadIt() throws Exception {
        try (var fixture = gatewayWithCors()) {
            HttpResponse<String> response = post(fixture, null);

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://pages.example");
            assertThat(response.headers().firstValue("Vary")).hasValue("Origin");
        }
    }

    @Test
    void givenShortOrPaddedKey_apiKey_refusesIt() {
        assertThatThrownBy(() -> new ApiKey("short")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("20");
        assertThatThrownBy(() -> new ApiKey(" " + KEY)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ApiKey(KEY).toString()).doesNotContain(KEY);
    }

    private GatewayFixture gateway() {
        return new GatewayFixture(RouteTable.builder().restRoute("broadcastmessage", Set.of("POST", "OPTIONS"), answering).build(),
                builder -> builder.restApiKey(new ApiKey(KEY)));
    }

    private GatewayFixture gatewayWithCors() {
        return new GatewayFixture(RouteTable.builder().restRoute("broadcastmessage", Set.of("POST"), answering, CORS).build(),
                builder -> builder.restApiKey(new ApiKey(KEY)));
    }

    private static HttpResponse<String> post(GatewayFixture fixture, String key) throws Exception {
        var request = HttpRequest.newBuilder(fixture.gateway().urls().rest("broadcastmessage"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"hi\"}"));
        if (key != null) {
            request.header("x-api-key", key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
