package dev.parley.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.parley.chat.adapter.out.apigateway.ManagementApiClients;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiAsyncClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.ApiGatewayManagementApiException;

/**
 * {@code @connections} with a callback key, as chat-local runs it with authorization on: only calls signed with the
 * key as the secret access key, or carrying it in {@code x-api-key}, reach a connection; every other is refused 403
 * with API Gateway's error type and a JSON message, and the connection gets nothing.
 */
class ManagementKeyTest {

    private static final String KEY = "callback-key-0123456789-abcdef";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private GatewayFixture fixture;
    private TestClient client;
    private String id;

    @BeforeEach
    void connectOneClient() throws Exception {
        var connect = RecordingRoute.answering(200, null);
        fixture = new GatewayFixture(RouteTable.builder().webSocketRoute("$connect", connect, false).build(),
                builder -> builder.callbackKey(new ApiKey(KEY)));
        client = fixture.connect("");
        id = connect.nextEvent().getRequestContext().getConnectionId();
        WebSocketApiTest.awaitOpen(fixture.gateway(), 1);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void givenSdkClientSigningWithTheKey_postGetAndDelete_work() {
        try (var sdk = sdkClient(KEY)) {
            sdk.postToConnection(request -> request.connectionId(id).data(SdkBytes.fromUtf8String("{\"signed\":true}"))).join();
            assertThat(client.next()).isEqualTo("{\"signed\":true}");
            assertThat(sdk.getConnection(request -> request.connectionId(id)).join().identity().sourceIp())
                    .isEqualTo("127.0.0.1");
            sdk.deleteConnection(request -> request.connectionId(id)).join();
            assertThat(client.awaitClose().statusCode()).isEqualTo(1000);
        }
    }

    @Test
    void givenSdkClientsSigningForTwoRegionsInTurn_post_everyCallIsAccepted() {
        // The gateway keeps the signing key it derived last: a call of another region must not be checked with it.
        try (var east = sdkClient(KEY, Region.US_EAST_1); var west = sdkClient(KEY, Region.EU_WEST_1)) {
            for (var sdk : List.of(east, west, west, east)) {
                sdk.postToConnection(request -> request.connectionId(id).data(SdkBytes.fromUtf8String("{}"))).join();
                assertThat(client.next()).isEqualTo("{}");
            }
        }
    }

    @Test
    void givenSdkClientSigningWithAnotherSecret_post_isRefused403AsAnInvalidSignature() {
        try (var sdk = sdkClient(KEY.replace('0', '9'))) {
            assertThatThrownBy(() -> sdk.postToConnection(request -> request.connectionId(id)
                    .data(SdkBytes.fromUtf8String("{\"forged\":true}"))).join())
                    .cause().isInstanceOfSatisfying(ApiGatewayManagementApiException.class, refused -> {
                        assertThat(refused.statusCode()).isEqualTo(403);
                        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                    });
        }
        assertNothingReachedTheClient();
    }

    @Test
    void givenThePublishersClientSigningWithTheKey_post_reachesTheConnection() {
        // The handlers' client signs with the SDK's signer but builds the request itself (ManagementApiClients).
        try (var publishers = ManagementApiClients.create(fixture.gateway().urls().callback(), Region.EU_WEST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("any-id", KEY)), 2)) {
            for (String text : List.of("{\"signed\":\"by the publisher\"}", "{\"and\":\"again\"}")) {
                publishers.postToConnection(request -> request.connectionId(id).data(SdkBytes.fromUtf8String(text)))
                        .join();
                assertThat(client.next()).isEqualTo(text);
            }
        }
    }

    @Test
    void givenThePublishersClientSigningWithAnotherSecret_post_isRefused403AsAnInvalidSignature() {
        try (var publishers = ManagementApiClients.create(fixture.gateway().urls().callback(), Region.EU_WEST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("any-id", KEY.replace('0', '9'))), 2)) {
            assertThatThrownBy(() -> publishers.postToConnection(request -> request.connectionId(id)
                    .data(SdkBytes.fromUtf8String("{\"forged\":true}"))).join())
                    .cause().isInstanceOfSatisfying(ApiGatewayManagementApiException.class, refused -> {
                        assertThat(refused.statusCode()).isEqualTo(403);
                        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                    });
        }
        assertNothingReachedTheClient();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "GET", "DELETE"})
    void givenTheKeyInXApiKey_call_isAnswered(String method) throws Exception {
        HttpResponse<String> answer = send(request(method, "{\"via\":\"curl\"}").header("x-api-key", KEY));

        assertThat(answer.statusCode()).isEqualTo(method.equals("DELETE") ? 204 : 200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "GET", "DELETE"})
    void givenNeitherSignatureNorKey_call_isRefused403WithAJsonMessage(String method) throws Exception {
        assertRefused(send(request(method, "{\"anonymous\":true}")), "ForbiddenException", "not SigV4-signed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "GET", "DELETE"})
    void givenAnotherKeyInXApiKey_call_isRefused403(String method) throws Exception {
        assertRefused(send(request(method, "{}").header("x-api-key", KEY.replace('a', 'b'))), "ForbiddenException",
                "x-api-key is not the admin key");
    }

    @Test
    void givenASignatureAnyoneCouldWrite_post_isRefused403() throws Exception {
        String now = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
        String unverified = "AWS4-HMAC-SHA256 Credential=local/" + now.substring(0, 8) + "/us-east-1/execute-api/"
                + "aws4_request, SignedHeaders=host;x-amz-date, Signature=" + "0".repeat(64);
        var request = request("POST", "{\"forged\":true}").header("Authorization", unverified).header("X-Amz-Date", now);

        assertRefused(send(request), "InvalidSignatureException", "does not match the signature");
    }

    @Test
    void givenASignatureWithTheKeyOfTwentyMinutesAgo_post_isRefused403AsExpired() throws Exception {
        String body = "{\"replayed\":true}";

        HttpResponse<String> answer = send(signedRequest("POST", body, body, Instant.now().minus(Duration.ofMinutes(20))));

        assertRefused(answer, "InvalidSignatureException", "Signature expired");
    }

    @Test
    void givenASignatureWithTheKeyOfTenMinutesAgo_post_isAccepted() throws Exception {
        String body = "{\"late\":true}";

        HttpResponse<String> answer = send(signedRequest("POST", body, body, Instant.now().minus(Duration.ofMinutes(10))));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(client.next()).isEqualTo(body);
    }

    @Test
    void givenASignedRequestWhoseBodyWasChanged_post_isRefused403() throws Exception {
        HttpResponse<String> answer = send(signedRequest("POST", "{\"amount\":1}", "{\"amount\":1000}", Instant.now()));

        assertRefused(answer, "InvalidSignatureException", "the body must be signed as it is sent");
    }

    @Test
    void givenASignatureOfAnotherConnectionsPath_post_isRefused403() throws Exception {
        String body = "{\"moved\":true}";
        var elsewhere = signedRequest("POST", body, body, Instant.now(), "Othr9cOFvHcCIhw=");
        var moved = request("POST", body);
        elsewhere.build().headers().map().forEach((name, values) -> {
            if (Set.of("authorization", "x-amz-date").contains(name.toLowerCase())) {
                values.forEach(value -> moved.header(name, value));
            }
        });

        assertRefused(send(moved), "InvalidSignatureException", "does not match the signature");
    }

    private void assertRefused(HttpResponse<String> answer, String errorType, String words) throws Exception {
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.headers().firstValue("x-amzn-ErrorType")).hasValue(errorType);
        Map<String, Object> body = JSON.std.mapFrom(answer.body());
        assertThat((String) body.get("message")).contains(words);
        assertNothingReachedTheClient();
    }

    /** The next message the client gets is one sent after the refusal, with the key: the refused one never came. */
    private void assertNothingReachedTheClient() {
        try {
            assertThat(send(request("POST", "{\"marker\":true}").header("x-api-key", KEY)).statusCode()).isEqualTo(200);
        } catch (Exception failed) {
            throw new AssertionError(failed);
        }
        assertThat(client.next()).isEqualTo("{\"marker\":true}");
    }

    private URI uri(String connectionId) {
        return URI.create(fixture.gateway().urls().callback() + "/@connections/"
                + URLEncoder.encode(connectionId, StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String method, String body) {
        return HttpRequest.newBuilder(uri(id)).method(method, method.equals("POST")
                ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
    }

    private HttpRequest.Builder signedRequest(String method, String signedBody, String sentBody, Instant at) {
        return signedRequest(method, signedBody, sentBody, at, id);
    }

    /** Signed as the SDK signs, at {@code at}, for {@code signedFor}'s path, sending {@code sentBody} to this id. */
    private HttpRequest.Builder signedRequest(String method, String signedBody, String sentBody, Instant at,
            String signedFor) {
        URI target = uri(signedFor);
        var signed = AwsV4HttpSigner.create().sign(signing -> signing
                .identity(AwsCredentialsIdentity.create("test", KEY))
                .request(SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(target).build())
                .payload(ContentStreamProvider.fromUtf8String(signedBody))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)));
        var request = request(method, sentBody);
        signed.request().headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return request;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private ApiGatewayManagementApiAsyncClient sdkClient(String secret) {
        return sdkClient(secret, Region.US_EAST_1);
    }

    private ApiGatewayManagementApiAsyncClient sdkClient(String secret, Region region) {
        return ApiGatewayManagementApiAsyncClient.builder()
                .endpointOverride(fixture.gateway().urls().callback())
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("any-id", secret)))
                .httpClientBuilder(AwsCrtAsyncHttpClient.builder())
                .overrideConfiguration(override -> override.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
