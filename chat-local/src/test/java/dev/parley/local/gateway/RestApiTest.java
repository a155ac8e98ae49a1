package dev.parley.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.jr.ob.JSON;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST stage's proxy integration, and the static pages. */
class RestApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<APIGatewayProxyRequestEvent> requests = new LinkedBlockingQueue<>();

    private final RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> answering = (request, context) -> {
        requests.add(request);
        return new APIGatewayProxyResponseEvent().withStatusCode(201)
                .withHeaders(Map.of("Content-Type", "application/json", "Access-Control-Allow-Origin", "*"))
                .withBody("{\"got\":" + request.getBody() + "}");
    };

    @Test
    void givenRestRoute_post_invokesItWithTheProxyEventAndReturnsItsAnswer() throws Exception {
        var routes = RouteTable.builder().restRoute("broadcastmessage", Set.of("POST", "OPTIONS"), answering).build();
        try (var fixture = new GatewayFixture(routes)) {
            URI uri = fixture.gateway().urls().rest("broadcastmessage");
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(uri + "?dry=yes"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"hello\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(response.body()).isEqualTo("{\"got\":{\"message\":\"hello\"}}");
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
            APIGatewayProxyRequestEvent event = requests.take();
            assertThat(event.getResource()).isEqualTo("/broadcastmessage");
            assertThat(event.getPath()).isEqualTo("/broadcastmessage");
            assertThat(event.getHttpMethod()).isEqualTo("POST");
            assertThat(event.getBody()).isEqualTo("{\"message\":\"hello\"}");
            assertThat(event.getIsBase64Encoded()).isFalse();
            assertThat(event.getHeaders()).containsEntry("Content-Type", "application/json");
            assertThat(event.getMultiValueHeaders()).containsEntry("Content-Type", List.of("application/json"));
            assertThat(event.getQueryStringParameters()).isEqualTo(Map.of("dry", "yes"));
            var context = event.getRequestContext();
            assertThat(context.getStage()).isEqualTo("dev");
            assertThat(context.getPath()).isEqualTo("/dev/broadcastmessage");
            assertThat(context.getResourcePath()).isEqualTo("/broadcastmessage");
            assertThat(context.getHttpMethod()).isEqualTo("POST");
            assertThat(context.getRequestId()).matches("[0-9a-f-]{36}");
            assertThat(context.getApiId()).matches("[a-z0-9]{10}");
            assertThat(context.getIdentity().getSourceIp()).isEqualTo("127.0.0.1");
            assertThat(context.getRequestTimeEpoch()).isPositive();
            assertThat(context.getDomainName()).isEqualTo(fixture.gateway().urls().authority());
            fixture.awaitLine("route=POST /broadcastmessage", "status=201");
        }
    }

    @Test
    void givenAPostOutsideEveryApi_answers404InJson_namingWhereTheRestApiIs() throws Exception {
        var routes = RouteTable.builder().restRoute("broadcastmessage", Set.of("POST"), answering).build();
        try (var fixture = new GatewayFixture(routes)) {
            URI withoutStage = URI.create("http://" + fixture.gateway().urls().authority() + "/broadcastmessage");
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(withoutStage)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"hi\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(response.body()).contains("no API at /broadcastmessage",
                    "POST /" + fixture.gateway().urls().restStage() + "/broadcastmessage");
            assertThat(requests).isEmpty();
        }
    }

    @Test
    void givenRestRoute_methodItDoesNotHaveOrUnknownResource_answers403MissingAuthenticationToken() throws Exception {
        var routes = RouteTable.builder().restRoute("broadcastmessage", Set.of("POST"), answering).build();
        try (var fixture = new GatewayFixture(routes)) {
            for (URI uri : List.of(fixture.gateway().urls().rest("broadcastmessage"), fixture.gateway().urls().rest("nothing"))) {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(403);
                assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
                assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
            }
            assertThat(requests).isEmpty();
        }
    }

    @Test
    void givenFailingFunction_request_answers502InternalServerError() throws Exception {
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> failing = (request, context) -> {
            throw new IllegalStateException("down");
        };
        try (var fixture = new GatewayFixture(RouteTable.builder().restRoute("broadcastmessage", Set.of("POST"), failing).build())) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(fixture.gateway().urls().rest("broadcastmessage"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(response.body()).isEqualTo("{\"message\":\"Internal server error\"}");
        }
    }

    @Test
    void givenNoWebRoot_pages_areTheBundledOnesAndConfigJsonPointsBackAtTheGateway() throws Exception {
        try (var fixture = new GatewayFixture(RouteTable.builder().build(), builder -> builder.pageConfig(urls -> Map.of(
                "websocketUrl", urls.webSocket().toString(), "broadcastUrl", urls.rest("broadcastmessage").toString())))) {
            URI pages = URI.create("http://localhost:" + fixture.gateway().port() + "/");

            HttpResponse<String> index = get(pages);
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            // chat-web's pages, copied in by the build: module scripts run only when served as JavaScript.
            assertThat(index.body()).contains("<script type=\"module\" src=\"chat.js\">");
            assertThat(get(pages.resolve("broadcast.html")).statusCode()).isEqualTo(200);
            HttpResponse<String> script = get(pages.resolve("chat.js"));
            assertThat(script.statusCode()).isEqualTo(200);
            assertThat(script.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).matches("(text|application)/javascript.*"));
            assertThat(get(pages.resolve("missing.html")).statusCode()).isEqualTo(404);

            HttpResponse<String> config = get(pages.resolve("config.json"));
            assertThat(JSON.std.mapFrom(config.body())).isEqualTo(Map.of(
                    "websocketUrl", "ws://localhost:" + fixture.gateway().port() + "/production",
                    "broadcastUrl", "http://localhost:" + fixture.gateway().port() + "/dev/broadcastmessage"));
        }
    }

    @Test
    void givenPageHeaders_pages_carryThemForTheHostTheyWereLoadedFromButTheApisDoNot() throws Exception {
        try (var fixture = new GatewayFixture(RouteTable.builder().build(),
                builder -> builder.pageHeaders(urls -> Map.of("Content-Security-Policy", "connect-src " + urls.webSocket())))) {
            URI pages = URI.create("http://localhost:" + fixture.gateway().port() + "/");
            String policy = "connect-src ws://localhost:" + fixture.gateway().port() + "/production";

            assertThat(get(pages).headers().firstValue("Content-Security-Policy")).hasValue(policy);
            assertThat(get(pages.resolve("chat.js")).headers().firstValue("Content-Security-Policy")).hasValue(policy);
            assertThat(get(pages.resolve("config.json")).headers().firstValue("Content-Security-Policy")).isEmpty();
        }
    }

    @Test
    void givenWebRoot_pages_comeFromThatFolder(@TempDir Path webRoot) throws Exception {
        Files.writeString(webRoot.resolve("index.html"), "<p>mine</p>");
        try (var fixture = new GatewayFixture(RouteTable.builder().build(), builder -> builder.webRoot(webRoot))) {
            HttpResponse<String> index = get(fixture.gateway().urls().pages());
            assertThat(index.body()).isEqualTo("<p>mine</p>");
            assertThat(get(fixture.gateway().urls().pages().resolve("broadcast.html")).statusCode()).isEqualTo(404);
        }
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
