package dev.parley.chat.adapter.out.sqs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** An embedded ElasticMQ on a free loopback port, with an SDK client pointed at it; each test makes its own queue. */
final class LocalSqs implements AutoCloseable {

    private static final AtomicInteger QUEUES = new AtomicInteger();

    private final SQSRestServer server;
    private final URI endpoint;
    private final SqsClient client;

    private LocalSqs(SQSRestServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
        this.client = client(endpoint);
    }

    static LocalSqs start() {
        int port = freePort();
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1")
                .withPort(port)
                .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
                .start();
        server.waitUntilStarted();
        return new LocalSqs(server, URI.create("http://127.0.0.1:" + port));
    }

    /** A client of whatever SQS listens at {@code endpoint}, its calls passing through {@code interceptors}. */
    static SqsClient client(URI endpoint, ExecutionInterceptor... interceptors) {
        return SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.builder().build())
                .overrideConfiguration(configuration -> List.of(interceptors)
                        .forEach(configuration::addExecutionInterceptor))
                .build();
    }

    /** A new, empty queue's URL. */
    String createQueue() {
        String name = "broadcast-pages-" + QUEUES.incrementAndGet();
        return client.createQueue(request -> request.queueName(name)).queueUrl();
    }

    SqsClient client() {
        return client;
    }

    URI endpoint() {
        return endpoint;
    }

    /** A loopback port nothing listens on, as far as one can tell: taken and given back. */
    static int freePort() {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        client.close();
        server.stopAndWait();
    }
}
