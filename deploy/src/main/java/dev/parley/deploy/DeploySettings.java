package dev.parley.deploy;

import dev.parley.chat.adapter.out.apigateway.CallbackRate;
import dev.parley.chat.adapter.out.dynamodb.ChatDetailsTable;
import dev.parley.chat.adapter.in.lambda.BroadcastRoute;
import dev.parley.chat.adapter.in.lambda.WebSocketRoute;
import dev.parley.chat.wiring.ChatConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.awscdk.RemovalPolicy;

/**
 * What a deployment may choose, read from the CDK context ({@code cdk deploy -c memorySize=2048}); every value has a
 * default, and a wrong one stops the synth with a message naming the context key.
 *
 * @param webSocketStage the WebSocket API's stage
 * @param broadcastStage the broadcast REST API's stage
 * @param tableName the DynamoDB table
 * @param connectionRetentionDays how long a disconnected connection's row is kept before the table's TTL deletes it
 * @param memorySize each function's memory in MB (CPU grows with it)
 * @param activeShards how many partitions of the active-connections index the handlers spread connections over
 * @param callbackRatePerSecond the {@code @connections} rate the publishing functions pace their sends to: the
 *        account's API Gateway quota in the region (2,500 in some), or the share of it left to Parley
 * @param callbackBurst the burst of that quota (1,250 where the rate is 2,500)
 * @param dataRemovalPolicy what deleting the stack does to the table and the log groups
 * @param authorization whether {@code $connect} needs a token the authorizer accepts ({@code -c authorization=false}
 *        makes Parley an open chat again)
 * @param lambdaJar the shaded {@code chat-lambda.jar}
 * @param webRoot the directory of web pages served by CloudFront; must hold an {@code index.html}
 */
record DeploySettings(
        String webSocketStage,
        String broadcastStage,
        String tableName,
        int connectionRetentionDays,
        int memorySize,
        int activeShards,
        int callbackRatePerSecond,
        int callbackBurst,
        RemovalPolicy dataRemovalPolicy,
        boolean authorization,
        Path lambdaJar,
        Path webRoot) {

    static final String WEBSOCKET_STAGE = "webSocketStage";
    static final String BROADCAST_STAGE = "broadcastStage";
    static final String TABLE_NAME = "tableName";
    static final String CONNECTION_RETENTION_DAYS = "connectionRetentionDays";
    static final String MEMORY_SIZE = "memorySize";
    static final String ACTIVE_SHARDS = "activeShards";
    static final String CALLBACK_RATE_PER_SECOND = "callbackRatePerSecond";
    static final String CALLBACK_BURST = "callbackBurst";
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
        try {
            ChatDetailsTable.requireValidName(tableName);
        } catch (IllegalArgumentException | NullPointerException invalid) {
            throw invalid(TABLE_NAME, tableName, "a DynamoDB table name: 3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.'");
        }
        if (connectionRetentionDays < 1) {
            throw invalid(CONNECTION_RETENTION_DAYS, connectionRetentionDays, "a positive number of days");
        }
        if (memorySize < LAMBDA_MIN_MEMORY || memorySize > LAMBDA_MAX_MEMORY) {
            throw invalid(MEMORY_SIZE, memorySize, "Lambda's memory range, " + LAMBDA_MIN_MEMORY + " to " + LAMBDA_MAX_MEMORY + " MB");
        }
        if (activeShards < 1) {
            throw invalid(ACTIVE_SHARDS, activeShards, "a positive whole number");
        }
        requireCallbackLimit(CALLBACK_RATE_PER_SECOND, callbackRatePerSecond);
        requireCallbackLimit(CALLBACK_BURST, callbackBurst);
        if (dataRemovalPolicy != RemovalPolicy.RETAIN && dataRemovalPolicy != RemovalPolicy.DESTROY) {
            throw invalid(REMOVAL_POLICY, dataRemovalPolicy, "retain or destroy");
        }
        Objects.requireNonNull(lambdaJar, LAMBDA_JAR);
        Objects.requireNonNull(webRoot, WEB_ROOT);
    }

    /**
     * The settings in {@code context} (the app's {@code tryGetContext}), each missing one at its default. Relative paths
     * are resolved against {@code directory}: the working directory, {@code deploy/} when run by the CDK CLI.
     */
    static DeploySettings fromContext(Function<String, Object> context, Path directory) {
        return new DeploySettings(
                text(context, WEBSOCKET_STAGE, WebSocketRoute.DEFAULT_STAGE),
                text(context, BROADCAST_STAGE, BroadcastRoute.DEFAULT_STAGE),
                text(context, TABLE_NAME, ChatDetailsTable.DEFAULT_NAME),
                wholeNumber(context, CONNECTION_RETENTION_DAYS, (int) ChatConfiguration.DEFAULT_RETENTION.toDays()),
                wholeNumber(context, MEMORY_SIZE, DEFAULT_MEMORY_SIZE),
                wholeNumber(context, ACTIVE_SHARDS, ChatConfiguration.DEFAULT_ACTIVE_SHARDS),
                wholeNumber(context, CALLBACK_RATE_PER_SECOND, CallbackRate.ACCOUNT_DEFAULT.perSecond()),
                wholeNumber(context, CALLBACK_BURST, CallbackRate.ACCOUNT_DEFAULT.burst()),
                removalPolicy(text(context, REMOVAL_POLICY, "retain")),
                bool(context, AUTHORIZATION, true),
                existingJar(path(context, LAMBDA_JAR, DEFAULT_LAMBDA_JAR, directory)),
                existingWebRoot(path(context, WEB_ROOT, DEFAULT_WEB_ROOT, directory)));
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

    /** As the functions' {@code ChatConfiguration} checks it, so a deployed value never fails their start. */
    private static void requireCallbackLimit(String key, int limit) {
        if (limit < 1 || limit > ChatConfiguration.MAX_CALLBACK_LIMIT) {
            throw invalid(key, limit, "a whole number from 1 to " + ChatConfiguration.MAX_CALLBACK_LIMIT);
        }
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
