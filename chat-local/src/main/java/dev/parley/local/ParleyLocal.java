package dev.parley.local;

import dev.parley.chat.adapter.in.lambda.BroadcastRoute;
import dev.parley.chat.adapter.in.lambda.BroadcastStatusRoute;
import dev.parley.chat.adapter.in.lambda.BroadcastWorkerRoute;
import dev.parley.chat.adapter.in.lambda.authorizer.AuthorizerHandler;
import dev.parley.chat.adapter.in.lambda.authorizer.BroadcastAuthorizerHandler;
import dev.parley.chat.adapter.out.apigateway.CallbackRate;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbRegistrySettings;
import dev.parley.chat.auth.TokenIssuer;
import dev.parley.chat.settings.dynamodb.DynamoDbTimeouts;
import dev.parley.chat.adapter.out.dynamodb.ChatTablesSetup;
import dev.parley.chat.settings.dynamodb.HistorySettings;
import dev.parley.chat.settings.dynamodb.TableSettings;
import dev.parley.chat.wiring.AuthComponent;
import dev.parley.chat.wiring.BroadcastQueueConfiguration;
import dev.parley.chat.wiring.AuthConfiguration;
import dev.parley.chat.wiring.ChatConfiguration;
import dev.parley.dynalite.Dynalite;
import dev.parley.dynalite.DynaliteOptions;
import dev.parley.local.gateway.GatewayUrls;
import dev.parley.local.gateway.LocalGateway;
import dev.parley.local.gateway.sqs.SqsEventSource;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * All of Parley on one machine: dynalite (or a given DynamoDB endpoint) with the chat's tables, and the local
 * gateway driving the real handlers. {@code java -jar chat-local.jar --help} lists the options; programs call
 * {@link #start(LocalOptions)}.
 */
public final class ParleyLocal implements AutoCloseable {

    /** Any credentials do locally with authorization off; the SDK needs some to sign with. */
    static final AwsCredentialsProvider LOCAL_CREDENTIALS = ChatTablesSetup.LOCAL_CREDENTIALS;
    /** The access key id the handlers sign with when the admin key is their secret; the gateway accepts any. */
    static final String HANDLERS_ACCESS_KEY_ID = "parley-local";

    /** chat-local chooses only the chat details table's name; the rooms are in the deployment's default table. */
    private static final String ROOMS_TABLE = TableSettings.ROOMS_TABLE_NAME.defaultValue();
    private static final String HISTORY_TABLE = HistorySettings.HISTORY_TABLE_NAME.defaultValue();

    private static final int USAGE_ERROR = 2;
    private static final int START_FAILURE = 1;

    private final LocalGateway gateway;
    private final Optional<Dynalite> dynalite;
    private final URI dynamoDbEndpoint;
    private final BroadcastQueues broadcastQueues;
    private final SqsEventSource broadcastWorkers;
    private final LocalWarmUp warmUp;
    /** One hook stops all, in order: the workers and the gateway's $disconnect calls still need the others. */
    private final Thread shutdownHook = new Thread(this::stop, "parley-local-shutdown");

    private ParleyLocal(LocalGateway gateway, Optional<Dynalite> dynalite, URI dynamoDbEndpoint,
            BroadcastQueues broadcastQueues, SqsEventSource broadcastWorkers, LocalWarmUp warmUp) {
        this.gateway = gateway;
        this.warmUp = warmUp;
        this.dynalite = dynalite;
        this.dynamoDbEndpoint = dynamoDbEndpoint;
        this.broadcastQueues = broadcastQueues;
        this.broadcastWorkers = broadcastWorkers;
    }

    /** Starts dynalite unless an endpoint is given, creates the tables when missing, and starts the gateway. */
    public static ParleyLocal start(LocalOptions options) {
        return start(options, UnaryOperator.identity());
    }

    /**
     * As {@link #start(LocalOptions)}, with {@code settings} applied last to the gateway's builder, before the gateway
     * starts: for what the options do not cover, such as the faults and buffer sizes tests inject.
     */
    public static ParleyLocal start(LocalOptions options, UnaryOperator<LocalGateway.Builder> settings) {
        return start(options, settings, ChatComponents.AWS);
    }

    /**
     * As {@link #start(LocalOptions, UnaryOperator)}, with the functions' object graphs made by {@code components}:
     * benchmarks keep the connections, rooms and broadcast records in memory beside the real queue and gateway.
     */
    public static ParleyLocal start(LocalOptions options, UnaryOperator<LocalGateway.Builder> settings,
            ChatComponents components) {
        Optional<Dynalite> dynalite = options.dynamoDbEndpoint().isPresent()
                ? Optional.empty()
                : Optional.of(Dynalite.start(options.dataDir()
                        .map(DynaliteOptions::persistentIn)
                        .orElseGet(DynaliteOptions::inMemory)
                        .stoppedByCaller()));
        URI endpoint = options.dynamoDbEndpoint().orElseGet(() -> dynalite.orElseThrow().endpoint());
        BroadcastQueues queues = null;
        LocalGateway started = null;
        try {
            ChatTablesSetup.ensure(endpoint, options.region(), LOCAL_CREDENTIALS, options.table(), ROOMS_TABLE,
                    HISTORY_TABLE);
            queues = BroadcastQueues.start(options.broadcastQueue(), options.region(), LOCAL_CREDENTIALS);
            BroadcastQueueConfiguration queueing = queues.configuration(options.broadcastQueue().settings());
            LocalGateway.Builder gateway = LocalGateway.builder()
                    .host(options.host())
                    .port(options.port())
                    .stage(options.stage())
                    .restStage(options.restStage())
                    .idleTimeout(options.idleTimeout())
                    .maxDuration(options.maxDuration())
                    .callbackLatency(options.callbackLatency())
                    .routes(urls -> ParleyRoutes.of(components.create(
                            configuration(options, endpoint, urls).withBroadcastQueue(queueing),
                            handlerCredentials(options))))
                    .pageConfig(ParleyRoutes::pageConfig)
                    .pageHeaders(ParleyRoutes::pageHeaders);
            options.callbackThrottle().ifPresent(gateway::callbackThrottle);
            options.webRoot().ifPresent(gateway::webRoot);
            options.authorization().ifPresent(authorization -> {
                AuthComponent tokens = AuthComponent.create(AuthConfiguration.withKey(authorization.signingSecret()),
                        authorization.tokenRules(), LOCAL_CREDENTIALS);
                gateway.connectAuthorizer(AuthorizerHandler.create(tokens), AuthorizerHandler.TOKEN_PARAMETER)
                        .restAuthorizer(BroadcastAuthorizerHandler.create(tokens), BroadcastAuthorizerHandler.TOKEN_HEADER)
                        .restApiKey(authorization.adminKey())
                        .callbackKey(authorization.adminKey());
            });
            started = settings.apply(gateway).start();
            // A function of its own, as deployed: its environments pace their sends to a share of the account's rate.
            ChatConfiguration workers = configuration(options, endpoint, started.urls()).withBroadcastQueue(queueing)
                    .withCallbackRate(CallbackRate.ACCOUNT_DEFAULT.share(BroadcastWorkerRoute.MAX_CONCURRENCY));
            AwsCredentialsProvider workerCredentials = handlerCredentials(options);
            SqsEventSource workerSource = queues.eventSource(
                    () -> BroadcastWorkerRoute.createHandler(components.create(workers, workerCredentials)));
            Optional<TokenIssuer> warmUpTokens = options.authorization().map(authorization -> new TokenIssuer(
                    authorization.signingSecret(), Clock.systemUTC(), authorization.tokenRules()));
            var parley = new ParleyLocal(started, dynalite, endpoint, queues, workerSource,
                    new LocalWarmUp(started.urls().webSocket(), warmUpTokens, options.sendRateLimit()));
            Runtime.getRuntime().addShutdownHook(parley.shutdownHook);
            return parley;
        } catch (RuntimeException failure) {
            if (started != null) {
                started.close();
            }
            if (queues != null) {
                queues.close();
            }
            dynalite.ifPresent(Dynalite::close);
            throw failure;
        }
    }

    public LocalGateway gateway() {
        return gateway;
    }

    /**
     * Sends the chat's hot path a few hundred times through the gateway (join, room messages, direct messages, leave)
     * from internal clients in a room of their own, so that a fresh JVM has loaded and compiled it before the first user
     * comes: the command line does this before it prints the address, unless {@code --warm-up false}.
     *
     * @return what the warm-up did, and how long it took
     * @throws IllegalStateException when the path fails: the first user's message would fail the same way
     */
    public LocalWarmUp.Report warmUp() {
        try {
            return warmUp.run();
        } catch (LocalWarmUp.WarmUpFailedException failed) {
            throw new IllegalStateException("the warm-up failed: " + failed.getMessage(), failed);
        }
    }

    /** The DynamoDB endpoint the handlers use: the started dynalite's or the one given. */
    public URI dynamoDbEndpoint() {
        return dynamoDbEndpoint;
    }

    /** The queues of queued broadcasts: the endpoint, the queue of pages and its dead-letter queue. */
    public BroadcastQueues broadcastQueues() {
        return broadcastQueues;
    }

    /** The broadcast worker's SQS event source: tests kill its invocations, as a crash would. */
    public SqsEventSource broadcastWorkers() {
        return broadcastWorkers;
    }

    /** Stops the broadcast workers, the gateway (running every open connection's {@code $disconnect}), the queues, then dynalite. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shutdownInProgress) {
            // The hook is running: stop() is idempotent.
        }
        stop();
    }

    private void stop() {
        try {
            broadcastWorkers.close();
            gateway.close();
            broadcastQueues.close();
        } finally {
            dynalite.ifPresent(Dynalite::close);
        }
    }

    public static void main(String[] args) {
        launch(args, System.getenv(), System.out, System.err).ifPresent(System::exit);
    }

    /**
     * Runs the command line: the exit status when the program is done at once (help, bad options, failed start),
     * empty when Parley is running, to be stopped by Ctrl-C or SIGTERM. Secrets may come from {@code environment}.
     */
    static OptionalInt launch(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        if (CommandLine.asksForHelp(args)) {
            out.print(CommandLine.usage());
            return OptionalInt.of(0);
        }
        LocalOptions options;
        try {
            options = CommandLine.parse(environment, args);
        } catch (IllegalArgumentException wrong) {
            err.println("parley-local: " + wrong.getMessage());
            err.println("Run with " + CommandLine.HELP + " for the options.");
            return OptionalInt.of(USAGE_ERROR);
        }
        ParleyLocal parley;
        try {
            parley = start(options);
        } catch (RuntimeException failure) {
            err.println("parley-local could not start: " + failure.getMessage());
            return OptionalInt.of(START_FAILURE);
        }
        if (options.warmUp()) {
            try {
                LocalWarmUp.Report warmedUp = parley.warmUp();
                out.printf("Warmed up: %d messages in %.1f s (--warm-up false skips this).%n", warmedUp.messages(),
                        warmedUp.took().toMillis() / 1000.0);
            } catch (IllegalStateException failed) {
                // Serving colder beats not serving: the first users' messages show whether the path really fails.
                err.println("parley-local: warning: " + failed.getMessage());
            }
        }
        out.print(parley.describe(options));
        options.exposureWarning().ifPresent(err::println);
        return OptionalInt.empty();
    }

    /** What the command line prints once Parley runs: where everything is, and how to get in. */
    String describe(LocalOptions options) {
        GatewayUrls urls = gateway.urls();
        String database = dynalite.isPresent()
                ? "dynalite " + options.dataDir().map(dir -> "keeping its data in " + dir.toAbsolutePath()).orElse("in memory")
                : "given endpoint";
        return String.format("""
                Parley is running locally.
                  Chat pages      %s
                  WebSocket API   %s
                  @connections    %s/@connections/{connectionId}
                  Broadcast       POST %s
                  Broadcast status GET %s/{broadcastId}
                  DynamoDB        %s (%s), table %s
                  SQS             %s (%s), broadcasts over %d recipients queued
                  Authorization   %s
                Press Ctrl-C to stop.
                """, urls.pages(), urls.webSocket(), urls.callback(), urls.rest(BroadcastRoute.RESOURCE),
                urls.rest(BroadcastStatusRoute.RESOURCE_PARENT), dynamoDbEndpoint, database, options.table(),
                broadcastQueues.endpoint(), broadcastQueues.embedded() ? "embedded ElasticMQ" : "given endpoint",
                options.broadcastQueue().settings().inlineLimit(), authorizationLine(options, urls.pages()));
    }

    private static String authorizationLine(LocalOptions options, URI pages) {
        if (options.authorization().isPresent()) {
            return "on: open the chat at " + pages + "#" + AuthorizerHandler.TOKEN_PARAMETER
                    + "=<token>, connect clients with ?" + AuthorizerHandler.TOKEN_PARAMETER + "=<token> (see README,"
                    + " Security), broadcast with an administrator's token (MintToken --role admin) as Authorization:"
                    + " Bearer <token> and the x-api-key header, call @connections with the x-api-key header"
                    + (options.requireAuth() ? "" : "; --require-auth false lets in connections no authorizer checked");
        }
        return options.requireAuth()
                ? "off, with --require-auth true: no authorizer runs, so every $connect is refused 403"
                : "off: anyone may connect, broadcast and call @connections";
    }

    /**
     * What the handlers sign their calls with: with authorization on, the admin key as the secret, so that their
     * {@code @connections} calls pass the gateway's check as a deployed function's role passes IAM's.
     */
    private static AwsCredentialsProvider handlerCredentials(LocalOptions options) {
        return options.authorization()
                .<AwsCredentialsProvider>map(authorization -> StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        HANDLERS_ACCESS_KEY_ID, authorization.adminKey().signingSecret())))
                .orElse(LOCAL_CREDENTIALS);
    }

    /** The pages' own origin, such as {@code http://127.0.0.1:8080}: the broadcast page is served from it. */
    static String origin(URI pages) {
        return pages.getScheme() + "://" + pages.getRawAuthority();
    }

    private static ChatConfiguration configuration(LocalOptions options, URI dynamoDbEndpoint, GatewayUrls urls) {
        return new ChatConfiguration(options.table(), ROOMS_TABLE, options.region(), Optional.of(dynamoDbEndpoint),
                urls.callback(), origin(urls.pages()), DynamoDbRegistrySettings.DEFAULT_RETENTION,
                DynamoDbRegistrySettings.DEFAULT_ACTIVE_SHARDS, options.sendRateLimit(), DynamoDbTimeouts.DEFAULT,
                CallbackRate.ACCOUNT_DEFAULT, options.roomLimit(), options.connectionLimit(), options.requireAuth(),
                new HistorySettings(HISTORY_TABLE, options.historyWindow()));
    }
}
