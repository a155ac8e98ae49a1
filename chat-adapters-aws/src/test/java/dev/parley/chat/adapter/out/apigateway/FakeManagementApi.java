package dev.parley.chat.adapter.out.apigateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.parley.chat.domain.model.ConnectionId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * API Gateway's {@code @connections} endpoint on a free loopback port: answers {@code POST /production/@connections/{id}}
 * with statuses scripted per connection id (200 when none), and records what it received.
 */
final class FakeManagementApi implements AutoCloseable {

    private static final String STAGE_PATH = "/production";
    private static final String CONNECTIONS_PATH = STAGE_PATH + "/@connections/";
    private static final int HANDLER_THREADS = 32;
    private static final Map<Integer, String> ERROR_TYPES = Map.of(
            403, "ForbiddenException",
            410, "GoneException",
            413, "PayloadTooLargeException",
            429, "LimitExceededException");

    /** One request as received. */
    record Received(ConnectionId recipient, byte[] body, int status) {}

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(HANDLER_THREADS);
    private final Map<ConnectionId, List<Integer>> scripts = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile Duration latency = Duration.ZERO;
    private volatile CountDownLatch gate = new CountDownLatch(0);

    private FakeManagementApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(CONNECTIONS_PATH, this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    static FakeManagementApi start() throws IOException {
        return new FakeManagementApi();
    }

    /** The stage's management endpoint, as API Gateway gives it. */
    URI callbackUrl() {
        return URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + STAGE_PATH);
    }

    /** Answers the requests for {@code recipient} with these statuses in turn, the last one for good. */
    FakeManagementApi answer(ConnectionId recipient, Integer... statuses) {
        scripts.put(recipient, List.of(statuses));
        return this;
    }

    /** Every later request takes this long to answer. */
    void respondAfter(Duration latency) {
        this.latency = latency;
    }

    /** Later requests wait, unanswered, until {@link #release()}. */
    void hold() {
        gate = new CountDownLatch(1);
    }

    void release() {
        gate.countDown();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> receivedBy(ConnectionId recipient) {
        return received.stream().filter(request -> request.recipient().equals(recipient)).toList();
    }

    /** Requests being answered right now. */
    int inFlight() {
        return inFlight.get();
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            int status;
            try {
                status = receive(exchange);
                waitBeforeAnswering();
            } finally {
                // Counted out before answering: once answered, the client may send its next request.
                inFlight.decrementAndGet();
            }
            respond(exchange, status);
        }
    }

    /** Records the request and returns the status scripted for it. */
    private int receive(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            return 405;
        }
        ConnectionId recipient = new ConnectionId(decode(
                exchange.getRequestURI().getRawPath().substring(CONNECTIONS_PATH.length())));
        int status;
        synchronized (this) {
            List<Integer> script = scripts.getOrDefault(recipient, List.of(200));
            int earlier = (int) received.stream().filter(request -> request.recipient().equals(recipient)).count();
            status = script.get(Math.min(earlier, script.size() - 1));
            received.add(new Received(recipient, body, status));
        }
        return status;
    }

    /** Percent-decodes one path segment; a literal '+' in a path is a plus, not the space URLDecoder makes of it. */
    private static String decode(String rawSegment) {
        return URLDecoder.decode(rawSegment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private void waitBeforeAnswering() {
        try {
            if (!gate.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("requests held for more than 10 s: release() was not called");
            }
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status) throws IOException {
        if (status / 100 == 2) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        String errorType = ERROR_TYPES.get(status);
        byte[] body = ("{\"message\":\"scripted " + status + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (errorType != null) {
            exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        handlers.shutdownNow();
    }
}
