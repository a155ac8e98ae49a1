package dev.parley.chat.adapter.out.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiAsyncClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.ApiGatewayManagementApiException;

/**
 * The publisher's {@code @connections} client against the SDK's full client, on a loopback server that records what
 * it gets: the same request (method, path, body, the headers a gateway reads, the signed headers and the credential
 * scope), and the same exceptions for the same answers.
 */
class SignedConnectionsClientTest {

    private static final String CONNECTION_ID = "L0SM9cOFvHc+/Iw=";
    private static final byte[] BODY = "{\"type\":\"message\",\"message\":\"hi\"}".getBytes(StandardCharsets.UTF_8);

    /** One request as received; header names lower-cased. */
    record Received(String method, String rawPath, Map<String, String> headers, byte[] body) {

        /** The Authorization header's parts: Credential, SignedHeaders, Signature. */
        Map<String, String> authorization() {
            Map<String, String> parts = new TreeMap<>();
            for (String part : headers.get("authorization").substring("AWS4-HMAC-SHA256 ".length()).split(", *")) {
                String[] nameAndValue = part.split("=", 2);
                parts.put(nameAndValue[0], nameAndValue[1]);
            }
            return parts;
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String errorType = null;
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                Map<String, String> headers = new TreeMap<>();
                exchange.getRequestHeaders().forEach((name, values) ->
                        headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), headers,
                        in.readAllBytes()));
                if (status == 200) {
                    exchange.sendResponseHeaders(200, -1);
                    return;
                }
                byte[] error = "{\"message\":\"scripted refusal\"}".getBytes(StandardCharsets.UTF_8);
                if (errorType != null) {
                    exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
                }
                exchange.getResponseHeaders().add("x-amzn-RequestId", "req-1");
                exchange.sendResponseHeaders(status, error.length);
                exchange.getResponseBody().write(error);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private URI callbackUrl() {
        return URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + "/production");
    }

    @Test
    void givenTheSameCall_postToConnection_sendsWhatTheSdkClientSends() throws Exception {
        AwsCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsSessionCredentials.create("AKIDEXAMPLE", "secret", "session-token"));
        try (var sdk = sdkClient(credentials); var lean = leanClient(credentials)) {
            sdk.postToConnection(request -> request.connectionId(CONNECTION_ID).data(SdkBytes.fromByteArray(BODY)))
                    .join();
            lean.postToConnection(request -> request.connectionId(CONNECTION_ID).data(SdkBytes.fromByteArray(BODY)))
                    .join();
        }

        assertThat(received).hasSize(2);
        Received bySdk = received.get(0);
        Received byLean = received.get(1);
        assertThat(byLean.method()).isEqualTo(bySdk.method()).isEqualTo("POST");
        assertThat(byLean.rawPath()).isEqualTo(bySdk.rawPath()).isEqualTo("/production/@connections/L0SM9cOFvHc%2B%2FIw%3D");
        assertThat(byLean.body()).isEqualTo(bySdk.body()).isEqualTo(BODY);
        for (String header : List.of("host", "content-type", "content-length", "x-amz-content-sha256",
                "x-amz-security-token")) {
            assertThat(byLean.headers().get(header)).as(header).isEqualTo(bySdk.headers().get(header)).isNotNull();
        }
        assertThat(byLean.headers().get("x-amz-content-sha256")).isEqualTo(sha256Hex(BODY));
        String scope = "/" + bySdk.headers().get("x-amz-date").substring(0, 8) + "/eu-west-1/execute-api/aws4_request";
        assertThat(byLean.authorization().get("Credential")).startsWith("AKIDEXAMPLE/").endsWith(
                "/eu-west-1/execute-api/aws4_request");
        assertThat(bySdk.authorization().get("Credential")).isEqualTo("AKIDEXAMPLE" + scope);
        // The SDK signs its own bookkeeping headers (amz-sdk-invocation-id, amz-sdk-request) as well.
        assertThat(List.of(bySdk.authorization().get("SignedHeaders").split(";")))
                .containsAll(List.of(byLean.authorization().get("SignedHeaders").split(";")));
        assertThat(byLean.authorization().get("SignedHeaders"))
                .isEqualTo("content-length;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token");
    }

    @Test
    void givenErrorAnswers_postToConnection_failsWithTheSdkClientsExceptions() {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));
        try (var sdk = sdkClient(credentials); var lean = leanClient(credentials)) {
            for (var answer : List.of(Map.entry(410, "GoneException"), Map.entry(403, "ForbiddenException"),
                    Map.entry(429, "LimitExceededException:http://internal.amazon.com/coral/"), Map.entry(500, ""))) {
                status = answer.getKey();
                errorType = answer.getValue().isEmpty() ? null : answer.getValue();
                Function<ApiGatewayManagementApiAsyncClient, ApiGatewayManagementApiException> failureOf = client ->
                        (ApiGatewayManagementApiException) catchCause(() -> client.postToConnection(request -> request
                                .connectionId(CONNECTION_ID).data(SdkBytes.fromByteArray(BODY))).join());
                ApiGatewayManagementApiException bySdk = failureOf.apply(sdk);
                ApiGatewayManagementApiException byLean = failureOf.apply(lean);

                assertThat(byLean).as("answer %s", answer).isExactlyInstanceOf(bySdk.getClass());
                assertThat(byLean.statusCode()).isEqualTo(bySdk.statusCode()).isEqualTo(answer.getKey());
                assertThat(byLean.awsErrorDetails().errorCode()).isEqualTo(bySdk.awsErrorDetails().errorCode());
                assertThat(byLean.awsErrorDetails().errorMessage()).isEqualTo(bySdk.awsErrorDetails().errorMessage())
                        .isEqualTo("scripted refusal");
                assertThat(byLean.requestId()).isEqualTo("req-1");
                assertThat(byLean.getMessage()).contains("Status Code: " + answer.getKey());
            }
        }
    }

    @Test
    void givenAnOperationOtherThanPost_itIsRefusedAsUnsupported() {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));
        try (var lean = leanClient(credentials)) {
            assertThatThrownBy(() -> lean.getConnection(request -> request.connectionId(CONNECTION_ID)))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
        assertThat(received).isEmpty();
    }

    private static Throwable catchCause(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException failure) {
            return failure.getCause();
        }
        throw new AssertionError("the call did not fail");
    }

    private ApiGatewayManagementApiAsyncClient leanClient(AwsCredentialsProvider credentials) {
        return ManagementApiClients.create(callbackUrl(), Region.EU_WEST_1, credentials, 4);
    }

    /** The SDK's client as {@link ManagementApiClients} built it before it signed requests itself. */
    private ApiGatewayManagementApiAsyncClient sdkClient(AwsCredentialsProvider credentials) {
        return ApiGatewayManagementApiAsyncClient.builder()
                .endpointOverride(callbackUrl())
                .region(Region.EU_WEST_1)
                .credentialsProvider(credentials)
                .httpClientBuilder(AwsCrtAsyncHttpClient.builder())
                .overrideConfiguration(override -> override.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private static String sha256Hex(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
