package dev.parley.bench.fanout;

import dev.parley.bench.DynaliteChatDetailsTable;
import dev.parley.chat.adapter.out.apigateway.ApiGatewayMessagePublisher;
import dev.parley.chat.adapter.out.apigateway.ManagementApiClients;
import dev.parley.chat.domain.port.out.MessagePublisher;
import dev.parley.chat.protocol.FrameWriter;
import dev.parley.local.gateway.CallbackCounts;
import dev.parley.local.gateway.CallbackThrottle;
import dev.parley.local.gateway.LocalGateway;
import dev.parley.local.gateway.RouteTable;
import dev.parley.local.gateway.VirtualConnections;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiAsyncClient;

/**
 * chat-local's {@code @connections} endpoint, throttled like API Gateway's account (token bucket, 429 beyond it) and
 * answering after a fixed latency, for virtual connections that count the copies they receive; and the real
 * {@link ApiGatewayMessagePublisher} on the CRT client sending to it, timed. Loopback only.
 */
public final class ThrottledCallbacks implements AutoCloseable {

    private final CallbackSettings settings;
    private final VirtualConnections connections;
    private final LocalGateway gateway;
    private final ApiGatewayManagementApiAsyncClient client;
    private final TimedPublisher publisher;

    private ThrottledCallbacks(CallbackSettings settings, VirtualConnections connections, LocalGateway gateway,
            ApiGatewayManagementApiAsyncClient client) {
        this.settings = settings;
        this.connections = connections;
        this.gateway = gateway;
        this.client = client;
        this.publisher = new TimedPublisher(
                new ApiGatewayMessagePublisher(client, new FrameWriter(), settings.publisher()));
    }

    public static ThrottledCallbacks start(CallbackSettings settings, VirtualConnections connections) {
        LocalGateway gateway = LocalGateway.builder()
                .routes(urls -> RouteTable.builder().build())
                .virtualConnections(connections)
                .callbackLatency(settings.latency())
                .callbackThrottle(new CallbackThrottle(settings.rate(), settings.burst()))
                .console(line -> { })
                .start();
        try {
            return new ThrottledCallbacks(settings, connections, gateway, ManagementApiClients.create(
                    gateway.urls().callback(), DynaliteChatDetailsTable.REGION, DynaliteChatDetailsTable.CREDENTIALS,
                    settings.publisher().maxConcurrentSends()));
        } catch (RuntimeException failure) {
            gateway.close();
            throw failure;
        }
    }

    /** The publisher for the measured use case to send through. */
    public MessagePublisher publisher() {
        return publisher;
    }

    /**
     * Runs {@code useCase}, which publishes once through {@link #publisher()}, once the bucket is full again and the
     * copies counted so far are forgotten, and times it.
     */
    public <T> FanOut<T> measure(Supplier<T> useCase) {
        // The account's bucket refills while idle: each run starts, as a message after a quiet spell does, with the
        // whole burst available.
        pause(Duration.ofMillis(1_000L * settings.burst() / settings.rate() + 200));
        connections.reset();
        CallbackCounts before = gateway.callbackCounts();
        long start = System.nanoTime();
        T result = useCase.get();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        long[] cpuUsed = publisher.lastPublishCpuNanos();
        CallbackCounts after = gateway.callbackCounts();
        return new FanOut<>(result, elapsed, Duration.ofNanos(publisher.firstRecipientAt() - start),
                Duration.ofNanos(publisher.lastPublishNanos()), after.posts() - before.posts(),
                after.throttled() - before.throttled(), Duration.ofNanos(cpuUsed[0]), Duration.ofNanos(cpuUsed[1]));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between runs", e);
        }
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            gateway.close();
        }
    }
}
