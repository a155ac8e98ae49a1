package dev.parley.local.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.UnaryOperator;

/** A local gateway on a free loopback port with test functions, its console lines kept for assertions. */
final class GatewayFixture implements AutoCloseable {

    private final Queue<String> console = new ConcurrentLinkedQueue<>();
    private final LocalGateway gateway;

    GatewayFixture(RouteTable routes, UnaryOperator<LocalGateway.Builder> settings) {
        this.gateway = settings.apply(LocalGateway.builder()
                        .console(console::add)
                        .routes(urls -> routes))
                .start();
    }

    GatewayFixture(RouteTable routes) {
        this(routes, UnaryOperator.identity());
    }

    LocalGateway gateway() {
        return gateway;
    }

    TestClient connect(String query) {
        return TestClient.connect(java.net.URI.create(gateway.urls().webSocket() + query));
    }

    /** Waits for a console line containing every one of {@code parts}, and returns it. */
    String awaitLine(String... parts) throws InterruptedException {
        Instant deadline = Instant.now().plus(TestClient.WAIT);
        while (Instant.now().isBefore(deadline)) {
            for (String line : console) {
                if (List.of(parts).stream().allMatch(line::contains)) {
                    return line;
                }
            }
            Thread.sleep(Duration.ofMillis(20).toMillis());
        }
        throw new AssertionError("no console line with " + List.of(parts) + " in " + console);
    }

    @Override
    public void close() {
        gateway.close();
    }
}
