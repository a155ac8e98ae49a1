package dev.parley.chat.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.adapter.out.apigateway.CallbackRate;
import dev.parley.chat.adapter.out.apigateway.PublisherSettings;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbRegistrySettings;
import dev.parley.chat.settings.dynamodb.DynamoDbTimeouts;
import dev.parley.chat.settings.SendRateSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The clients the handlers get: DynamoDB's bounded, so a dead DynamoDB fails a call instead of hanging the handler;
 * the publisher paced to the configured {@code @connections} rate.
 */
class AwsModuleTest {

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    /** Accepts connections and reads nothing, answers nothing: a DynamoDB that hangs. */
    private ServerSocket silentServer;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startSilentServer() throws IOException {
        silentServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    accepted.add(silentServer.accept());
                }
            } catch (IOException closed) {
                // the test is over
            }
        }, "silent-dynamodb");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stopSilentServer() throws IOException {
        silentServer.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }

    @Test
    void givenDefaultConfiguration_dynamoDbClient_boundsEveryAttemptAndEveryCall() {
        try (DynamoDbClient client = clientWith(DynamoDbTimeouts.DEFAULT)) {
            ClientOverrideConfiguration override = client.serviceClientConfiguration().overrideConfiguration();

            assertThat(override.apiCallAttemptTimeout()).contains(Duration.ofSeconds(2));
            assertThat(override.apiCallTimeout()).contains(Duration.ofSeconds(5));
        }
    }

    @Test
    @Timeout(20)
    void givenDynamoDbThatNeverAnswers_call_givesUpOnEachAttemptThenFailsAtTheCallTimeout() {
        var timeouts = new DynamoDbTimeouts(Duration.ofMillis(200), Duration.ofMillis(700));
        try (DynamoDbClient client = clientWith(timeouts)) {
            long started = System.nanoTime();

            assertThatThrownBy(client::listTables).isInstanceOf(ApiCallTimeoutException.class);

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).isBetween(timeouts.call(), timeouts.call().plusSeconds(2));
            assertThat(accepted).as("an attempt abandoned after 200 ms is retried on a new connection").hasSizeGreaterThan(1);
        }
    }

    @Test
    void givenCallbackRate_publisherSettings_pacesThePublisherToIt() {
        var regionsQuota = new CallbackRate(2_500, 1_250);

        PublisherSettings settings = AwsModule.publisherSettings(
                configuration(DynamoDbTimeouts.DEFAULT, regionsQuota));

        assertThat(settings).isEqualTo(PublisherSettings.defaults().withCallbackRate(regionsQuota));
    }

    private DynamoDbClient clientWith(DynamoDbTimeouts timeouts) {
        return AwsModule.dynamoDbClient(configuration(timeouts, CallbackRate.ACCOUNT_DEFAULT), Region.US_EAST_1, CREDENTIALS);
    }

    private ChatConfiguration configuration(DynamoDbTimeouts timeouts, CallbackRate callbackRate) {
        URI endpoint = URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                + silentServer.getLocalPort());
        return new ChatConfiguration("chatDetails", "us-east-1", Optional.of(endpoint),
                URI.create("http://127.0.0.1:9/production"), "*", DynamoDbRegistrySettings.DEFAULT_RETENTION,
                DynamoDbRegistrySettings.DEFAULT_ACTIVE_SHARDS, SendRateSettings.DEFAULT, timeouts, callbackRate);
    }
}
