package dev.parley.local.gateway;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import dev.parley.local.gateway.lambda.LambdaRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * An API Gateway emulator on one port: a WebSocket API stage with its {@code @connections} management API, a REST
 * API stage, and static pages, driving the functions of a {@link RouteTable}. Built with {@link #builder()}; stopped
 * with {@link #close()}, which ends every connection through {@code $disconnect} first.
 */
public final class LocalGateway implements AutoCloseable {

    private static final Pattern STAGE = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Duration DISCONNECT_PATIENCE = Duration.ofSeconds(10);
    /**
     * Half the publisher's 2 s attempt timeout: a send answered by then, even 429, reaches its caller before the
     * caller gives up and sends it again, so an overloaded gateway slows deliveries down instead of doubling them.
     */
    public static final Duration DEFAULT_CALLBACK_QUEUE_LIMIT = Duration.ofSeconds(1);

    private final GatewayServer server;
    private final GatewayUrls urls;
    private final WebSocketApi webSocketApi;
    private final OpenConnections connections;
    private final CallbackCounters callbackCounters;
    private final LambdaRuntime runtime;
    private final ScheduledExecutorService scheduler;

    private LocalGateway(GatewayServer server, GatewayUrls urls, WebSocketApi webSocketApi, OpenConnections connections,
            CallbackCounters callbackCounters, LambdaRuntime runtime, ScheduledExecutorService scheduler) {
        this.server = server;
        this.urls = urls;
        this.webSocketApi = webSocketApi;
        this.connections = connections;
        this.callbackCounters = callbackCounters;
        this.runtime = runtime;
        this.scheduler = scheduler;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The port the gateway listens on: the one asked for, or the free one picked for port 0. */
    public int port() {
        return server.port();
    }

    /** The gateway's URLs, addressed as the handlers call it back. */
    public GatewayUrls urls() {
        return urls;
    }

    /** How the {@code @connections} calls went so far. */
    public CallbackCounts callbackCounts() {
        return callbackCounters.snapshot();
    }

    /** How many WebSocket connections are open now. */
    public int openConnections() {
        return connections.count();
    }

    /** Closes every connection with 1001 (running their {@code $disconnect}), then stops. */
    @Override
    public void close() {
        try {
            webSocketApi.closeAll(DISCONNECT_PATIENCE);
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the local gateway did not stop cleanly", e);
        } finally {
            runtime.close();
            scheduler.shutdownNow();
        }
    }

    public static final class Builder {

        private String host = "127.0.0.1";
        private int port;
        private String stage = "production";
        private String restStage = "dev";
        private Duration idleTimeout = ConnectionLimits.AWS_IDLE_TIMEOUT;
        private Duration maxDuration = ConnectionLimits.AWS_MAX_DURATION;
        private long outboundBufferBytes = ConnectionLimits.DEFAULT_OUTBOUND_BUFFER_BYTES;
        private CallbackFaults callbackFaults = new CallbackFaults();
        private Duration callbackLatency = Duration.ZERO;
        private Duration callbackQueueLimit = DEFAULT_CALLBACK_QUEUE_LIMIT;
        private Optional<CallbackThrottle> callbackThrottle = Optional.empty();
        private VirtualConnections virtualConnections = VirtualConnections.none();
        private Optional<Path> webRoot = Optional.empty();
        private Consumer<String> console = System.out::println;
        private Function<GatewayUrls, RouteTable> routes;
        private Function<GatewayUrls, Map<String, String>> pageConfig =
                urls -> Map.of("websocketUrl", urls.webSocket().toString());
        private Function<GatewayUrls, Map<String, String>> pageHeaders = urls -> Map.of();
        private Optional<RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1>> connectAuthorizer = Optional.empty();
        private String authorizerQueryParameter;
        private Optional<ApiKey> restApiKey = Optional.empty();
        private Optional<RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1>> restAuthorizer = Optional.empty();
        private String restAuthorizerHeader;
        private Optional<ApiKey> callbackKey = Optional.empty();

        private Builder() {}

        /** The address to listen on; 127.0.0.1 unless given. */
        public Builder host(String listenHost) {
            this.host = Objects.requireNonNull(listenHost, "host");
            return this;
        }

        /** The port to listen on; 0, the default, picks a free one. */
        public Builder port(int listenPort) {
            if (listenPort < 0 || listenPort > 65_535) {
                throw new IllegalArgumentException("the port must be 0 (any free port) or 1 to 65535, not " + listenPort);
            }
            this.port = listenPort;
            return this;
        }

        /** The WebSocket API's stage, {@code production} unless given. */
        public Builder stage(String name) {
            this.stage = requireStage(name);
            return this;
        }

        /** The REST API's stage, {@code dev} unless given. */
        public Builder restStage(String name) {
            this.restStage = requireStage(name);
            return this;
        }

        /** How long a connection may go without a frame from its client; 10 minutes unless given. */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = Objects.requireNonNull(timeout, "idle timeout");
            return this;
        }

        /** How long a connection may last; 2 hours unless given. */
        public Builder maxDuration(Duration duration) {
            this.maxDuration = Objects.requireNonNull(duration, "maximum duration");
            return this;
        }

        /**
         * How many unsent bytes a connection may have before {@code @connections} refuses it more with 429, as API
         * Gateway does when a client does not read; 4 MB unless given.
         */
        public Builder outboundBufferBytes(long bytes) {
            this.outboundBufferBytes = bytes;
            return this;
        }

        /** For fault-injection tests: the sends to answer with an error instead; none unless given. */
        public Builder callbackFaults(CallbackFaults faults) {
            this.callbackFaults = Objects.requireNonNull(faults, "callback faults");
            return this;
        }

        /** A delay added to every {@code @connections} call, as the network to AWS adds one. */
        public Builder callbackLatency(Duration latency) {
            Objects.requireNonNull(latency, "callback latency");
            if (latency.isNegative()) {
                throw new IllegalArgumentException("the callback latency must not be negative, not " + latency);
            }
            this.callbackLatency = latency;
            return this;
        }

        /**
         * How long a {@code @connections} send may wait inside the gateway before it is handled; one that waited
         * longer is answered 429 instead of delivered (see {@link #DEFAULT_CALLBACK_QUEUE_LIMIT}).
         */
        public Builder callbackQueueLimit(Duration limit) {
            Objects.requireNonNull(limit, "callback queue limit");
            if (limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("the callback queue limit must be positive, not " + limit);
            }
            this.callbackQueueLimit = limit;
            return this;
        }

        /** Throttles {@code @connections} calls with this token bucket, answering 429 beyond it. */
        public Builder callbackThrottle(CallbackThrottle throttle) {
            this.callbackThrottle = Optional.of(throttle);
            return this;
        }

        /** For benchmarks: {@code @connections} also accepts POSTs for these ids, with no socket behind them. */
        public Builder virtualConnections(VirtualConnections connections) {
            this.virtualConnections = Objects.requireNonNull(connections, "virtual connections");
            return this;
        }

        /** Serves the pages from this folder instead of the bundled ones. */
        public Builder webRoot(Path folder) {
            if (!Files.isDirectory(folder)) {
                throw new IllegalArgumentException("the web root " + folder + " is not a folder");
            }
            this.webRoot = Optional.of(folder);
            return this;
        }

        /** Where the invocation lines and the handlers' logs go; standard output unless given. */
        public Builder console(Consumer<String> lines) {
            this.console = Objects.requireNonNull(lines, "console");
            return this;
        }

        /** The functions, made once the port is bound: they are given the URLs to call the gateway back at. */
        public Builder routes(Function<GatewayUrls, RouteTable> routeTable) {
            this.routes = Objects.requireNonNull(routeTable, "routes");
            return this;
        }

        /** The settings {@code /config.json} gives the pages, from the URLs they loaded the gateway at. */
        public Builder pageConfig(Function<GatewayUrls, Map<String, String>> settings) {
            this.pageConfig = Objects.requireNonNull(settings, "page config");
            return this;
        }

        /**
         * Headers sent with every static page and file, from the URLs they were loaded at, such as their
         * Content-Security-Policy; none unless given.
         */
        public Builder pageHeaders(Function<GatewayUrls, Map<String, String>> headers) {
            this.pageHeaders = Objects.requireNonNull(headers, "page headers");
            return this;
        }

        /**
         * Runs {@code authorizer} before every {@code $connect} as a Lambda REQUEST authorizer whose identity source is
         * {@code route.request.querystring.{queryParameter}}: handshakes it does not allow are refused with 401, 403 or
         * 500 as API Gateway refuses them.
         */
        public Builder connectAuthorizer(RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1> authorizer,
                String queryParameter) {
            this.connectAuthorizer = Optional.of(Objects.requireNonNull(authorizer, "authorizer"));
            this.authorizerQueryParameter = Objects.requireNonNull(queryParameter, "query parameter");
            return this;
        }

        /**
         * Runs {@code authorizer} before every REST API method (CORS preflights excepted) as a Lambda TOKEN authorizer
         * whose identity source is {@code method.request.header.{header}}: requests it does not allow are refused with
         * 401, 403 or 500 as API Gateway refuses them, before the API key is checked.
         */
        public Builder restAuthorizer(RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1> authorizer,
                String header) {
            this.restAuthorizer = Optional.of(Objects.requireNonNull(authorizer, "authorizer"));
            this.restAuthorizerHeader = Objects.requireNonNull(header, "header");
            return this;
        }

        /** Every REST API method but CORS preflights requires this key in {@code x-api-key}, or answers 403. */
        public Builder restApiKey(ApiKey key) {
            this.restApiKey = Optional.of(Objects.requireNonNull(key, "API key"));
            return this;
        }

        /**
         * Every {@code @connections} call must prove it holds this key, or is answered 403 as API Gateway answers an
         * unsigned or badly signed call: as the secret access key of its SigV4 signature, or in {@code x-api-key}.
         */
        public Builder callbackKey(ApiKey key) {
            this.callbackKey = Optional.of(Objects.requireNonNull(key, "callback key"));
            return this;
        }

        /** Binds the port, makes the functions and starts serving. */
        public LocalGateway start() {
            Objects.requireNonNull(routes, "routes: the gateway needs its functions");
            var limits = new ConnectionLimits(idleTimeout, maxDuration, outboundBufferBytes);
            var server = new GatewayServer(host, port);
            ScheduledExecutorService scheduler = null;
            LambdaRuntime runtime = null;
            try {
                var urls = new GatewayUrls(callbackHost() + ":" + server.bind(), stage, restStage);
                RouteTable routeTable = routes.apply(urls);

                // API Gateway's times are whole milliseconds.
                Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
                var log = new GatewayLog(console);
                var connections = new OpenConnections();
                var counters = new CallbackCounters();
                scheduler = newScheduler();
                runtime = new LambdaRuntime(clock, console);
                var events = new WebSocketEvents(AwsIds.newApiId(), stage, clock);
                Optional<ConnectAuthorizer> authorizer = connectAuthorizer.isEmpty() ? Optional.empty() : Optional.of(
                        new ConnectAuthorizer(connectAuthorizer.get(), authorizerQueryParameter, events, runtime, log));
                var webSocketApi = new WebSocketApi(routeTable, authorizer, events, runtime, log, connections, scheduler,
                        limits, clock);
                var managementApi = new ManagementApi(connections, virtualConnections, counters, callbackFaults,
                        callbackThrottle.map(throttle ->
                                new TokenBucket(throttle.perSecond(), throttle.burst(), System::nanoTime)),
                        callbackKey.map(key -> new ManagementKey(key, Clock.systemUTC())), callbackLatency,
                        callbackQueueLimit, scheduler);
                var restEvents = new ProxyEvents(AwsIds.newApiId(), restStage);
                Optional<RestAuthorizer> restAuthorization = restAuthorizer.isEmpty() ? Optional.empty() : Optional.of(
                        new RestAuthorizer(restAuthorizer.get(), restAuthorizerHeader, restEvents, runtime, log));
                var restApi = new RestApi(routeTable, restApiKey, restAuthorization, restEvents, runtime, log, clock);

                webSocketApi.install(server.webSockets());
                var handler = new GatewayHandler(new AllowedHosts(host), stage, restStage, webSocketApi, managementApi,
                        restApi, pageConfig);
                server.start(handler, webRoot, request -> pageHeaders.apply(handler.urlsSeenBy(request)));
                return new LocalGateway(server, urls, webSocketApi, connections, counters, runtime, scheduler);
            } catch (Exception failure) {
                server.stopAfter(failure);
                if (runtime != null) {
                    runtime.close();
                }
                if (scheduler != null) {
                    scheduler.shutdownNow();
                }
                throw failure instanceof RuntimeException runtimeFailure ? runtimeFailure
                        : new IllegalStateException("the local gateway could not start on " + host + ":" + port + ": "
                                + failure.getMessage(), failure);
            }
        }

        /** The handlers call back over loopback when the gateway listens on every address. */
        private String callbackHost() {
            return host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        }

        private static ScheduledExecutorService newScheduler() {
            var scheduler = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = Executors.defaultThreadFactory().newThread(task);
                thread.setName("gateway-timers");
                thread.setDaemon(true);
                return thread;
            });
            scheduler.setRemoveOnCancelPolicy(true);
            return scheduler;
        }
    }

    /** The name when API Gateway takes it as a stage: 1 to 128 characters of A-Z a-z 0-9 _ -. */
    public static String requireStage(String name) {
        Objects.requireNonNull(name, "stage");
        if (!STAGE.matcher(name).matches()) {
            throw new IllegalArgumentException("a stage name is 1 to 128 characters of A-Z a-z 0-9 _ -, not '" + name + "'");
        }
        return name;
    }
}
