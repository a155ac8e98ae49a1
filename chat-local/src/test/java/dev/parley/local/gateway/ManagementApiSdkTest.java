package dev.parley.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiAsyncClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GetConnectionResponse;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.LimitExceededException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.PayloadTooLargeException;

/** The {@code @connections} API through the real AWS SDK client the handlers use: its answers map to its exceptions. */
class ManagementApiSdkTest {

    /** The gateway checks that calls are signed, not with what: any credentials do. */
    private static final AwsCredentialsProvider ANY_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    @Test
    void givenSdkClient_postGetAndDelete_workAndErrorsMapToTheSdkExceptions() throws Exception {
        var connect = RecordingRoute.answering(200, null);
        try (var fixture = new GatewayFixture(RouteTable.builder().webSocketRoute("$connect", connect, false).build());
                var sdk = client(fixture)) {
            TestClient client = fixture.connect("");
            var connected = connect.nextEvent().getRequestContext();
            String id = connected.getConnectionId();
            WebSocketApiTest.awaitOpen(fixture.gateway(), 1);

            sdk.postToConnection(request -> request.connectionId(id).data(SdkBytes.fromUtf8String("{\"via\":\"sdk\"}"))).join();
            assertThat(client.next()).isEqualTo("{\"via\":\"sdk\"}");

            GetConnectionResponse described = sdk.getConnection(request -> request.connectionId(id)).join();
            assertThat(described.connectedAt()).isEqualTo(Instant.ofEpochMilli(connected.getConnectedAt()));
            assertThat(described.identity().sourceIp()).isEqualTo("127.0.0.1");
            assertThat(described.identity().userAgent()).isEqualTo(connected.getIdentity().getUserAgent());

            assertThatThrownBy(() -> sdk.postToConnection(request -> request.connectionId(id)
                    .data(SdkBytes.fromUtf8String("x".repeat(WebSocketApi.MAX_MESSAGE_BYTES + 1)))).join())
                    .isInstanceOf(CompletionException.class).cause().isInstanceOf(PayloadTooLargeException.class);
            assertThatThrownBy(() -> sdk.postToConnection(request -> request.connectionId("Nope9cOFvHcCIhw=")
                    .data(SdkBytes.fromUtf8String("{}"))).join())
                    .cause().isInstanceOfSatisfying(GoneException.class,
                            gone -> assertThat(gone.statusCode()).isEqualTo(410));

            sdk.deleteConnection(request -> request.connectionId(id)).join();
            assertThat(client.awaitClose().statusCode()).isEqualTo(1000);
            assertThatThrownBy(() -> sdk.getConnection(request -> request.connectionId(id)).join())
                    .cause().isInstanceOf(GoneException.class);
        }
    }

    @Test
    void givenCallbackThrottle_sdkClientBeyondTheBurst_getsLimitExceededException() throws Exception {
        var connect = RecordingRoute.answering(200, null);
        try (var fixture = new GatewayFixture(RouteTable.builder().webSocketRoute("$connect", connect, false).build(),
                builder -> builder.callbackThrottle(new CallbackThrottle(0.1, 2)));
                var sdk = client(fixture)) {
            TestClient client = fixture.connect("");
            String id = connect.nextEvent().getRequestContext().getConnectionId();
            WebSocketApiTest.awaitOpen(fixture.gateway(), 1);

            for (String text : new String[] {"one", "two"}) {
                sdk.postToConnection(request -> request.connectionId(id).data(SdkBytes.fromUtf8String(text))).join();
                assertThat(client.next()).isEqualTo(text);
            }
            assertThatThrownBy(() -> sdk.postToConnection(request -> request.connectionId(id)
                    .data(SdkBytes.fromUtf8String("three"))).join())
                    .cause().isInstanceOfSatisfying(LimitExceededException.class,
                            throttled -> assertThat(throttled.statusCode()).isEqualTo(429));
            assertThat(fixture.gateway().callbackCounts()).isEqualTo(new CallbackCounts(3, 0, 0, 2, 0, 1, 0, 0));
        }
    }

    private static ApiGatewayManagementApiAsyncClient client(GatewayFixture fixture) {
        return ApiGatewayManagementApiAsyncClient.builder()
                .endpointOverride(fixture.gateway().urls().callback())
                .region(Region.US_EAST_1)
                .credentialsProvider(ANY_CREDENTIALS)
                .httpClientBuilder(AwsCrtAsyncHttpClient.builder())
                .overrideConfiguration(override -> override.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
