package dev.parley.deploy;

import dev.parley.chat.adapter.out.apigateway.CallbackRate;
import dev.parley.chat.adapter.out.dynamodb.ChatDetailsTable;
import dev.parley.chat.domain.model.ConnectionLimit;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.adapter.in.lambda.BroadcastRoute;
import dev.parley.chat.adapter.in.lambda.WebSocketRoute;
import dev.parley.chat.settings.aws.BroadcastQueueSettings;
import dev.parley.chat.settings.aws.CallbackSettings;
import dev.parley.chat.settings.aws.ConnectAuthSettings;
import dev.parley.chat.settings.ConnectionLimitSettings;
import dev.parley.chat.settings.dynamodb.HistorySettings;
import dev.parley.chat.settings.RoomSettings;
import dev.parley.chat.settings.dynamodb.TableSettings;
import dev.parley.chat.settings.TokenSettings;
import dev.parley.chat.auth.TokenRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.awscdk.RemovalPolicy;

/**
 * What a deployment may choose, read from the CDK context ({@code cdk deploy -c memorySize=2048}); every value has a
 * default, and a wrong one stops the synth with a message naming the context key. The functions' settings are read
 * and written into their environment by the settings the functions read them with, so the stack accepts a value
 * exactly when the functions do.
 *
 * @param webSocketStage the WebSocket API's stage
 * @param broadcastStage the broadcast REST API's stage
 * @param table the DynamoDB tables, the active-connections index's shards and the connections' rows' retention
 * @param memorySize each function's memory in MB (CPU grows with it)
 * @param callbackRate the {@code @connections} rate the publishing functions pace their sends to
 * @param roomLimit how many rooms each connection may be in at once
 * @param connectionLimit how many connections each user may have open at once
 * @param history the history table, how many missed messages a resume replays and how long messages are kept
 * @param broadcastQueue the audience beyond which a broadcast is queued, and the recipients of one page of it
 * @param dataRemovalPolicy what deleting the stack does to the tables and the log groups
 * @param authorization whether {@code $connect} needs a token the authorizer accepts ({@code -c authorization=false}
 *        makes Parley an open chat again)
 * @param requireAuth whether {@code $connect} refuses connections no authorizer identified ({@code REQUIRE_AUTH}):
 *        on wherever the authorizer is deployed, unless {@code -c requireAuth=false}; never without the authorizer
 * @param tokenRules the audience every token must name and the longest it may live, for the authorizers
 * @param lambdaJar the shaded {@code chat-lambda.jar}
 * @param webRoot the directory of web pages served by CloudFront; must hold an {@code index.html}
 */
record DeploySettings(
        String webSocketStage,
        String broadcastStage,
        TableSettings table,
        int memorySize,
        CallbackRate callbackRate,
        RoomLimit roomLimit,
        ConnectionLimit connectionLimit,
        HistorySettings history,
        BroadcastQueueSettings broadcastQueue,
        RemovalPolicy dataRemovalPolicy,
        boolean authorization,
        boolean requireAuth,
        TokenRules tokenRules,
        Path lambdaJar,
        Path webRoot) {

    static final String WEBSOCKET_STAGE = "webSocketStage";
    static final String BROADCAST_STAGE = "broadcastStage";
    static final String MEMORY_SIZE = "memorySize";
    static final String REMOVAL_POLICY = "removalPolicy";
    static final String AUTHORIZATION = "authorization";
    static final String LAMBDA_JAR = "lambdaJar";
    static final String WEB_ROOT = "webRoot";

    /**
     * The JVM, the SDK and the CRT start comfortably in 1 GB, and Lambda's CPU share grows with memory (a full vCPU at
     * 1,769 MB): 1 GB keeps snapshot restores and the fan-out's JSON and TLS work fast for about half a vCPU's price.
     */
    static final int DEFAULT_MEMORY_SIZE = 1024;
    static final Path DEFAULT_LAMBDA_JAR = Path.of("..", "chat-lambda", "target", "chat-lambda.jar");
    static final Path DEFAULT_WEB_ROOT = Path.of("..", "chat-web", "src", "main", "web");
    static final String INDEX_PAGE = "index.html";

    /** API Gateway's rule for stage names, REST and WebSocket alike. */
    private static final Pattern STAGE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final int LAMBDA_MIN_MEMORY = 128;
    private static final int LAMBDA_MAX_MEMORY = 10_240;

    DeploySettings {
        requireStageName(WEBSOCKET_STAGE, webSocketStage);
        requireStageName(BROADCAST_STAGE, broadcastStage);
        Objects.requireNonNull(table, "table");
        if (memorySize < LAMBDA_MIN_MEMORY || memorySize > LAMBDA_MAX_MEMORY) {
            throw invalid(MEMORY_SIZE, memorySize, "Lambda's memory range, " + LAMBDA_MIN_MEMORY + " to " + LAMBDA_MAX_MEMORY + " MB");
        }
        Objects.requireNonNull(callbackRate, "callback rate");
        Objects.requireNonNull(roomLimit, "room limit");
        Objects.requireNonNull(connectionLimit, "connection limit");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(broadcastQueue, "broadcast queue");
        if (dataRemovalPolicy != RemovalPolicy.RETAIN && dataRemovalPolicy != RemovalPolicy.DESTROY) {
            throw invalid(REMOVAL_POLICY, dataRemovalPolicy, "retain or destroy");
        }
        if (requireAuth && !authorization) {
            throw new IllegalArgumentException("context '" + ConnectAuthSettings.REQUIRE_AUTH.contextKey().orElseThrow()
                    + "' is true but -c " + AUTHORIZATION + "=false deploys no authorizer: every $connect would be "
                    + "refused; leave " + ConnectAuthSettings.REQUIRE_AUTH.contextKey().orElseThrow() + " out");
        }
        Objects.requireNonNull(tokenRules, "token rules");
        Objects.requireNonNull(lambdaJar, LAMBDA_JAR);
        Objects.requireNonNull(webRoot, WEB_ROOT);
    }

    /**
     * The settings in {@code context} (the app's {@code tryGetContext}), each missing one at its default. Relative paths
     * are resolved against {@code directory}: the working directory, {@code deploy/} when run by the CDK CLI.
     */
    static DeploySettings fromContext(Function<String, Object> context, Path directory) {
        boolean authorization = bool(context, AUTHORIZATION, true);
        return new DeploySettings(
                text(context, WEBSOCKET_STAGE, WebSocketRoute.DEFAULT_STAGE),
                text(context, BROADCAST_STAGE, BroadcastRoute.DEFAULT_STAGE),
                TableSettings.fromContext(context),
                wholeNumber(context, MEMORY_SIZE, DEFAULT_MEMORY_SIZE),
                CallbackSettings.fromContext(context),
                RoomSettings.fromContext(context),
                ConnectionLimitSettings.fromContext(context),
                HistorySettings.fromContext(context),
                BroadcastQueueSettings.fromContext(context),
                removalPolicy(text(context, REMOVAL_POLICY, "retain")),
                authorization,
                requireAuth(context, authorization),
                TokenSettings.fromContext(context),
                existingJar(path(context, LAMBDA_JAR, DEFAULT_LAMBDA_JAR, directory)),
                existingWebRoot(path(context, WEB_ROOT, DEFAULT_WEB_ROOT, directory)));
    }

    /**
     * The variables that carry these settings to every chat function, as the functions read them back. The stack adds
     * those that name what it creates: the table's reference, the WebSocket API's URL, the site's origin.
     */
    Map<String, String> functionEnvironment() {
        Map<String, String> environment = new HashMap<>(table.toEnvironment());
        environment.putAll(CallbackSettings.toEnvironment(callbackRate));
        environment.putAll(RoomSettings.toEnvironment(roomLimit));
        environment.putAll(ConnectionLimitSettings.toEnvironment(connectionLimit));
        environment.putAll(ConnectAuthSettings.toEnvironment(requireAuth));
        environment.putAll(history.toEnvironment());
        environment.putAll(broadcastQueue.toEnvironment());
        return environment;
    }

    /** The functions fail closed wherever the authorizer is deployed, unless the context says otherwise. */
    private static boolean requireAuth(Function<String, Object> context, boolean authorization) {
        return ConnectAuthSettings.REQUIRE_AUTH.contextKey().map(context).isPresent()
                ? ConnectAuthSettings.REQUIRE_AUTH.fromContext(context)
                : authorization;
    }

    private static String text(Function<String, Object> context, String key, String fallback) {
        Object value = context.apply(key);
        return value == null ? fallback : value.toString().strip();
    }

    private static int wholeNumber(Function<String, Object> context, String key, int fallback) {
        String value = text(context, key, Integer.toString(fallback));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException notANumber) {
            throw invalid(key, value, "a whole number");
        }
    }

    /** {@code true} or {@code false}: a JSON boolean from cdk.json, or text from {@code -c}. */
    private static boolean bool(Function<String, Object> context, String key, boolean fallback) {
        String value = text(context, key, Boolean.toString(fallback));
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(key, value, "true or false");
        };
    }

    private static RemovalPolicy removalPolicy(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "retain" -> RemovalPolicy.RETAIN;
            case "destroy" -> RemovalPolicy.DESTROY;
            default -> throw invalid(REMOVAL_POLICY, value, "retain or destroy");
        };
    }

    private static Path path(Function<String, Object> context, String key, Path fallback, Path directory) {
        Object value = context.apply(key);
        return directory.resolve(value == null ? fallback : Path.of(value.toString().strip())).toAbsolutePath().normalize();
    }

    private static Path existingJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no Lambda artifact at " + jar + ": build it with"
                    + " 'mvn -f ../pom.xml -pl deploy -am package -DskipTests', or pass -c " + LAMBDA_JAR + "=PATH");
        }
        return jar;
    }

    private static Path existingWebRoot(Path webRoot) {
        if (!Files.isRegularFile(webRoot.resolve(INDEX_PAGE))) {
            throw new IllegalArgumentException("no " + INDEX_PAGE + " in the web root " + webRoot
                    + ": pass the directory of the web pages with -c " + WEB_ROOT + "=DIR");
        }
        return webRoot;
    }

    private static void requireStageName(String key, String stage) {
        if (stage == null || !STAGE_NAME.matcher(stage).matches()) {
            throw invalid(key, stage, "a stage name: 1 to 128 characters of a-z, A-Z, 0-9, '-' and '_'");
        }
    }

    private static IllegalArgumentException invalid(String key, Object value, String expected) {
        return new IllegalArgumentException("context '" + key + "' must be " + expected + ", not '" + value
                + "' (set it with -c " + key + "=VALUE)");
    }
}
