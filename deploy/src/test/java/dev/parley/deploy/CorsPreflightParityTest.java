package dev.parley.deploy;

import static dev.parley.deploy.JsonTree.list;
import static dev.parley.deploy.JsonTree.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.adapter.in.lambda.BroadcastRoute;
import dev.parley.local.LocalOptions;
import dev.parley.local.ParleyLocal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The broadcast API's CORS preflight is API Gateway's own answer, not the handler's: the deployment configures it and
 * chat-local emulates it. Both must answer what {@link BroadcastRoute#CORS} says, each for its origin (the site's
 * CloudFront domain when deployed, chat-local's own pages' origin locally).
 */
class CorsPreflightParityTest {

    private static final String SITE = "https://{site}";
    private static final String LOCAL = "http://{chat-local}";
    private static final String HEADER_PARAMETER = "method.response.header.";

    @Test
    void givenTheSameCorsPolicy_deployedAndLocalPreflights_answerTheSameHeaders() throws Exception {
        assertThat(deployedPreflightHeaders()).isEqualTo(new TreeMap<>(BroadcastRoute.CORS.preflightHeaders(SITE)));
        assertThat(localPreflightHeaders()).isEqualTo(new TreeMap<>(BroadcastRoute.CORS.preflightHeaders(LOCAL)));
    }

    /** The OPTIONS method's mock integration headers, with the site's domain (a CloudFormation attribute) as {site}. */
    private static Map<String, String> deployedPreflightHeaders() {
        Map<String, Object> options = JsonTree.resources(SynthesizedParley.defaults().template, "AWS::ApiGateway::Method")
                .values().stream()
                .map(JsonTree::map)
                .filter(method -> "OPTIONS".equals(JsonTree.at(method, "Properties", "HttpMethod")))
                .findFirst().orElseThrow();
        Map<String, Object> integrationResponse = map(list(JsonTree.at(options, "Properties", "Integration",
                "IntegrationResponses")).get(0));
        assertThat(integrationResponse.get("StatusCode")).isEqualTo("204");
        return map(integrationResponse.get("ResponseParameters")).entrySet().stream().collect(Collectors.toMap(
                entry -> entry.getKey().substring(HEADER_PARAMETER.length()),
                entry -> unquoted(text(entry.getValue())), (a, b) -> a, TreeMap::new));
    }

    /** The preflight's headers, with chat-local's own origin as {chat-local}. */
    private static Map<String, String> localPreflightHeaders() throws Exception {
        try (ParleyLocal parley = ParleyLocal.start(LocalOptions.parse("--port", "0"))) {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(parley.gateway().urls().rest(BroadcastRoute.RESOURCE))
                            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                            .header("Origin", "https://pages.example")
                            .header("Access-Control-Request-Method", BroadcastRoute.METHOD)
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).isEqualTo(204);
            Map<String, String> byLowerCase = BroadcastRoute.CORS.preflightHeaders(SITE).keySet().stream()
                    .collect(Collectors.toMap(name -> name.toLowerCase(Locale.ROOT), name -> name));
            return response.headers().map().entrySet().stream()
                    .filter(header -> header.getKey().toLowerCase(Locale.ROOT).startsWith("access-control-")
                            || header.getKey().equalsIgnoreCase("vary"))
                    .collect(Collectors.toMap(header -> byLowerCase.getOrDefault(header.getKey().toLowerCase(Locale.ROOT),
                            header.getKey()), header -> String.join(",", header.getValue())
                            .replace("http://" + parley.gateway().urls().authority(), LOCAL), (a, b) -> a, TreeMap::new));
        }
    }

    /** A header value as CloudFormation writes it: a quoted literal, or an Fn::Join of literals and the site's domain. */
    private static String text(Object value) {
        if (value instanceof String literal) {
            return literal;
        }
        Map<String, Object> function = map(value);
        if (function.containsKey("Fn::Join")) {
            return list(list(function.get("Fn::Join")).get(1)).stream().map(CorsPreflightParityTest::text)
                    .collect(Collectors.joining());
        }
        assertThat(function).containsKey("Fn::GetAtt");
        return "{site}";
    }

    private static String unquoted(String value) {
        assertThat(value).startsWith("'").endsWith("'");
        return value.substring(1, value.length() - 1);
    }
}
