package dev.parley.local.gateway;

import dev.parley.pages.BundledPages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

/**
 * The Jetty server under the gateway: one connector on the gateway's one port, tuned for what API Gateway's clients
 * do to it, and the static pages served behind the gateway's own routes. Bound before it starts, so that the
 * functions can be given the port they call back.
 */
final class GatewayServer {

    private static final int ACCEPT_QUEUE = 1024;

    private final Server server;
    private final ServerConnector connector;

    GatewayServer(String host, int port) {
        this.server = new Server(namedThreadPool());
        this.connector = new ServerConnector(server, new HttpConnectionFactory(httpConfiguration()));
        connector.setHost(host);
        connector.setPort(port);
        // Java's default backlog of 50 would drop the SYNs of a publisher opening hundreds of connections at once.
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        server.addConnector(connector);
    }

    /** Opens the port, not serving yet; the port bound (a free one for 0). */
    int bind() throws IOException {
        connector.open();
        return connector.getLocalPort();
    }

    /** The port listened on. */
    int port() {
        return connector.getLocalPort();
    }

    /** The server's WebSocket container, for the WebSocket API to set its limits on. */
    ServerWebSocketContainer webSockets() {
        return ServerWebSocketContainer.ensure(server);
    }

    /**
     * Serves: {@code routes} first, then the pages from {@code webRoot}, or the bundled ones without it, each with the
     * {@code pageHeaders} of its request.
     */
    void start(Handler routes, Optional<Path> webRoot, Function<Request, Map<String, String>> pageHeaders) throws Exception {
        server.setHandler(new Handler.Sequence(routes, withHeaders(BundledPages.handler(server, webRoot), pageHeaders)));
        server.start();
    }

    private static Handler withHeaders(Handler pages, Function<Request, Map<String, String>> pageHeaders) {
        return new Handler.Wrapper(pages) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                pageHeaders.apply(request).forEach(response.getHeaders()::put);
                return super.handle(request, response, callback);
            }
        };
    }

    void stop() throws Exception {
        server.stop();
    }

    /** Stops after a failed start, adding any failure to stop to {@code cause}. */
    void stopAfter(Throwable cause) {
        try {
            server.stop();
        } catch (Exception stopFailure) {
            cause.addSuppressed(stopFailure);
        }
    }


    /**
     * Jetty's defaults, less the per-connection cache of header fields: the SDKs sign every call with a new date,
     * signature and invocation id, so caching them only costs (a third of the gateway's time under a broadcast); and
     * less the {@code Server} header, which API Gateway does not send and every answer would carry.
     */
    private static HttpConfiguration httpConfiguration() {
        var configuration = new HttpConfiguration();
        configuration.setHeaderCacheSize(0);
        configuration.setSendServerVersion(false);
        return configuration;
    }

    private static QueuedThreadPool namedThreadPool() {
        var threads = new QueuedThreadPool();
        threads.setName("gateway");
        return threads;
    }
}
