package dev.parley.chat.adapter.out.apigateway;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiAsyncClient;

/**
 * Builds the {@code @connections} client that {@link ApiGatewayMessagePublisher} needs: {@code PostToConnection}
 * signed with the SDK's SigV4 signer and sent by the CRT's HTTP client, without the SDK client's pipeline (ADR 0012).
 * It does not retry (the publisher retries by itself: it counts attempts to report {@code Throttled(attempts)}, keeps
 * its concurrency permit while backing off, and gives 429s, 5xx and I/O failures one budget), and completes its
 * futures on the thread the answer arrives on (the publisher's continuations only release a permit, keep a result or
 * set a timer).
 */
public final class ManagementApiClients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /**
     * A call takes about 20 ms; one still unanswered after this is treated as an I/O failure, and retried. The
     * publisher starts an attempt only once one of the client's connections is free for it, so this times the call
     * itself, not a wait for a connection behind other sends.
     */
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);

    private ManagementApiClients() {
    }

    /**
     * @param callbackUrl    the stage's management endpoint, such as
     *                       {@code https://{apiId}.execute-api.{region}.amazonaws.com/{stage}}
     * @param maxConcurrency connections the HTTP client may open: the publisher's
     *                       {@link PublisherSettings#maxConcurrentSends()}, since with fewer the sends would queue
     *                       inside the client (its default is 50), out of the publisher's control
     */
    public static ApiGatewayManagementApiAsyncClient create(
            URI callbackUrl, Region region, AwsCredentialsProvider credentials, int maxConcurrency) {
        requireHttpUrl(callbackUrl);
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(credentials, "credentials");
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1, was " + maxConcurrency);
        }
        return new SignedConnectionsClient(callbackUrl, region, credentials, AwsCrtAsyncHttpClient.builder()
                .maxConcurrency(maxConcurrency)
                .connectionTimeout(CONNECT_TIMEOUT)
                .build(), ATTEMPT_TIMEOUT, Clock.systemUTC());
    }

    private static void requireHttpUrl(URI callbackUrl) {
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        String scheme = callbackUrl.getScheme();
        if (!("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) || callbackUrl.getHost() == null) {
            throw new IllegalArgumentException("callbackUrl must be an absolute http(s) URL such as "
                    + "https://{apiId}.execute-api.{region}.amazonaws.com/{stage}, was " + callbackUrl);
        }
    }
}
