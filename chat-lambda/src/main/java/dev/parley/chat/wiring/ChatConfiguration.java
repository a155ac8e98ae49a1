package dev.parley.chat.wiring;

import dev.parley.chat.adapter.out.apigateway.CallbackRate;
import dev.parley.chat.domain.model.ConnectionLimit;
import dev.parley.chat.domain.model.MessageRateLimit;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.adapter.out.dynamodb.ChatDetailsTable;
import dev.parley.chat.adapter.out.dynamodb.ChatRoomsTable;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbRegistrySettings;
import dev.parley.chat.settings.aws.BroadcastQueueSettings;
import dev.parley.chat.settings.aws.CallbackSettings;
import dev.parley.chat.settings.aws.ConnectAuthSettings;
import dev.parley.chat.settings.ConnectionLimitSettings;
import dev.parley.chat.settings.aws.CorsSettings;
import dev.parley.chat.settings.dynamodb.DynamoDbTimeouts;
import dev.parley.chat.settings.dynamodb.HistorySettings;
import dev.parley.chat.settings.RoomSettings;
import dev.parley.chat.settings.SendRateSettings;
import dev.parley.chat.settings.dynamodb.TableSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the handlers need to know about their surroundings. On AWS it comes from the function's environment
 * ({@link #fromEnvironment(Map)}): the settings of {@code dev.parley.chat.settings}, which the deployment writes, and
 * where the region, the table's endpoint and the WebSocket API are. The local gateway and the tests build it directly.
 *
 * @param tableName the {@code chatDetails} table
 * @param roomsTableName the {@code chatRooms} table
 * @param region the AWS region of the table and the WebSocket API
 * @param dynamoDbEndpoint a DynamoDB-compatible endpoint instead of AWS's (dynalite locally)
 * @param websocketCallbackUrl the {@code @connections} base URL: {@code https://{apiId}.execute-api.{region}.amazonaws.com/{stage}}
 * @param allowedOrigin the origin the broadcast endpoint answers CORS requests for
 * @param connectionRetention how long a disconnected row is kept before the table's TTL removes it
 * @param activeShards how many partitions the active-connections index spreads connections over
 * @param sendRateLimit how fast each sender (a user, or an anonymous connection) may send frames
 * @param dynamoDbTimeouts how long a DynamoDB call may take before the handler gives up on it
 * @param callbackRate the {@code @connections} rate the publisher paces its sends to: the account's API Gateway
 *        quota in the region, or the share of it left to Parley
 * @param roomLimit how many rooms each connection may be in at once
 * @param connectionLimit how many connections each user may have open at once
 * @param requireAuth whether {@code $connect} refuses a connection no authorizer identified ({@code REQUIRE_AUTH})
 * @param history the chat history table, and how many messages a resume replays and how long they are kept
 * @param broadcastQueue where queued broadcasts go, and the audience beyond which a broadcast is queued
 */
public record ChatConfiguration(
        String tableName,
        String roomsTableName,
        String region,
        Optional<URI> dynamoDbEndpoint,
        URI websocketCallbackUrl,
        String allowedOrigin,
        Duration connectionRetention,
        int activeShards,
        MessageRateLimit sendRateLimit,
        DynamoDbTimeouts dynamoDbTimeouts,
        CallbackRate callbackRate,
        RoomLimit roomLimit,
        ConnectionLimit connectionLimit,
        boolean requireAuth,
        HistorySettings history,
        BroadcastQueueConfiguration broadcastQueue) {

    /** Set by the deployment: its WebSocket API's stage. */
    public static final String CALLBACK_URL_VARIABLE = "WEBSOCKET_CALLBACK_URL";
    /** Set by Lambda. */
    private static final String REGION_VARIABLE = "AWS_REGION";
    private static final String DYNAMODB_ENDPOINT_VARIABLE = "DYNAMODB_ENDPOINT";
    /** Set by the deployment: the queue of broadcast pages. */
    public static final String BROADCAST_QUEUE_URL_VARIABLE = "BROADCAST_QUEUE_URL";
    private static final String SQS_ENDPOINT_VARIABLE = "SQS_ENDPOINT";

    /** The tables' names and the shards are checked as the registries check them, which the handlers build from this. */
    public ChatConfiguration {
        ChatDetailsTable.requireValidName(tableName);
        ChatRoomsTable.requireValidName(roomsTableName);
        requireText(region, "region");
        Objects.requireNonNull(dynamoDbEndpoint, "DynamoDB endpoint");
        Objects.requireNonNull(websocketCallbackUrl, "WebSocket callback URL");
        requireText(allowedOrigin, "allowed origin");
        Objects.requireNonNull(connectionRetention, "connection retention");
        if (connectionRetention.isNegative() || connectionRetention.isZero()) {
            throw new IllegalArgumentException("connection retention must be positive");
        }
        DynamoDbRegistrySettings.requireValidActiveShards(activeShards);
        Objects.requireNonNull(sendRateLimit, "send rate limit");
        Objects.requireNonNull(dynamoDbTimeouts, "DynamoDB timeouts");
        Objects.requireNonNull(callbackRate, "callback rate");
        Objects.requireNonNull(roomLimit, "room limit");
        Objects.requireNonNull(connectionLimit, "connection limit");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(broadcastQueue, "broadcast queue");
    }

    /** A configuration without a broadcast queue ({@link BroadcastQueueConfiguration#NONE}). */
    public ChatConfiguration(String tableName, String roomsTableName, String region, Optional<URI> dynamoDbEndpoint,
            URI websocketCallbackUrl, String allowedOrigin, Duration connectionRetention, int activeShards,
            MessageRateLimit sendRateLimit, DynamoDbTimeouts dynamoDbTimeouts, CallbackRate callbackRate,
            RoomLimit roomLimit, ConnectionLimit connectionLimit, boolean requireAuth, HistorySettings history) {
        this(tableName, roomsTableName, region, dynamoDbEndpoint, websocketCallbackUrl, allowedOrigin,
                connectionRetention, activeShards, sendRateLimit, dynamoDbTimeouts, callbackRate, roomLimit,
                connectionLimit, requireAuth, history, BroadcastQueueConfiguration.NONE);
    }

    /** This configuration, pacing its {@code @connections} calls to {@code rate}: a broadcast worker's share. */
    public ChatConfiguration withCallbackRate(CallbackRate rate) {
        return new ChatConfiguration(tableName, roomsTableName, region, dynamoDbEndpoint, websocketCallbackUrl,
                allowedOrigin, connectionRetention, activeShards, sendRateLimit, dynamoDbTimeouts, rate,
                roomLimit, connectionLimit, requireAuth, history, broadcastQueue);
    }

    /** This configuration, queueing broadcasts as {@code queue} says. */
    public ChatConfiguration withBroadcastQueue(BroadcastQueueConfiguration queue) {
        return new ChatConfiguration(tableName, roomsTableName, region, dynamoDbEndpoint, websocketCallbackUrl,
                allowedOrigin, connectionRetention, activeShards, sendRateLimit, dynamoDbTimeouts, callbackRate,
                roomLimit, connectionLimit, requireAuth, history, queue);
    }

    /** A configuration with the {@link HistorySettings#DEFAULT} history. */
    public ChatConfiguration(String tableName, String roomsTableName, String region, Optional<URI> dynamoDbEndpoint,
            URI websocketCallbackUrl, String allowedOrigin, Duration connectionRetention, int activeShards,
            MessageRateLimit sendRateLimit, DynamoDbTimeouts dynamoDbTimeouts, CallbackRate callbackRate,
            RoomLimit roomLimit, ConnectionLimit connectionLimit, boolean requireAuth) {
        this(tableName, roomsTableName, region, dynamoDbEndpoint, websocketCallbackUrl, allowedOrigin,
                connectionRetention, activeShards, sendRateLimit, dynamoDbTimeouts, callbackRate, roomLimit,
                connectionLimit, requireAuth, HistorySettings.DEFAULT);
    }

    /**
     * A configuration with its rooms in the {@link ChatRoomsTable#DEFAULT_NAME} table, limiting each connection to the
     * {@link RoomLimit#DEFAULT} and each user to the {@link ConnectionLimit#DEFAULT}, letting anonymous connections in
     * as {@code REQUIRE_AUTH}'s default does.
     */
    public ChatConfiguration(String tableName, String region, Optional<URI> dynamoDbEndpoint, URI websocketCallbackUrl,
            String allowedOrigin, Duration connectionRetention, int activeShards, MessageRateLimit sendRateLimit,
            DynamoDbTimeouts dynamoDbTimeouts, CallbackRate callbackRate) {
        this(tableName, ChatRoomsTable.DEFAULT_NAME, region, dynamoDbEndpoint, websocketCallbackUrl, allowedOrigin,
                connectionRetention, activeShards, sendRateLimit, dynamoDbTimeouts, callbackRate, RoomLimit.DEFAULT,
                ConnectionLimit.DEFAULT, ConnectAuthSettings.REQUIRE_AUTH.defaultValue());
    }

    /** A configuration with the {@link DynamoDbTimeouts#DEFAULT}, paced to {@link CallbackRate#ACCOUNT_DEFAULT}. */
    public ChatConfiguration(String tableName, String region, Optional<URI> dynamoDbEndpoint, URI websocketCallbackUrl,
            String allowedOrigin, Duration connectionRetention, int activeShards, MessageRateLimit sendRateLimit) {
        this(tableName, region, dynamoDbEndpoint, websocketCallbackUrl, allowedOrigin, connectionRetention, activeShards,
                sendRateLimit, DynamoDbTimeouts.DEFAULT, CallbackRate.ACCOUNT_DEFAULT);
    }

    /**
     * A configuration with the {@link SendRateSettings#DEFAULT} send rate and the {@link DynamoDbTimeouts#DEFAULT},
     * paced to {@link CallbackRate#ACCOUNT_DEFAULT}.
     */
    public ChatConfiguration(String tableName, String region, Optional<URI> dynamoDbEndpoint, URI websocketCallbackUrl,
            String allowedOrigin, Duration connectionRetention, int activeShards) {
        this(tableName, region, dynamoDbEndpoint, websocketCallbackUrl, allowedOrigin, connectionRetention, activeShards,
                SendRateSettings.DEFAULT);
    }

    /** Reads the function's environment variables; names the variable that is missing or wrong. */
    public static ChatConfiguration fromEnvironment(Map<String, String> environment) {
        TableSettings table = TableSettings.fromEnvironment(environment);
        return new ChatConfiguration(
                table.tableName(),
                table.roomsTableName(),
                required(environment, REGION_VARIABLE),
                optional(environment, DYNAMODB_ENDPOINT_VARIABLE).map(value -> uri(DYNAMODB_ENDPOINT_VARIABLE, value)),
                uri(CALLBACK_URL_VARIABLE, required(environment, CALLBACK_URL_VARIABLE)),
                CorsSettings.ALLOWED_ORIGIN.requiredFromEnvironment(environment),
                Duration.ofDays(table.connectionRetentionDays()),
                table.activeShards(),
                SendRateSettings.fromEnvironment(environment),
                DynamoDbTimeouts.fromEnvironment(environment),
                CallbackSettings.fromEnvironment(environment),
                RoomSettings.fromEnvironment(environment),
                ConnectionLimitSettings.fromEnvironment(environment),
                ConnectAuthSettings.fromEnvironment(environment),
                HistorySettings.fromEnvironment(environment),
                new BroadcastQueueConfiguration(BroadcastQueueSettings.fromEnvironment(environment),
                        optional(environment, BROADCAST_QUEUE_URL_VARIABLE)
                                .map(value -> uri(BROADCAST_QUEUE_URL_VARIABLE, value)),
                        optional(environment, SQS_ENDPOINT_VARIABLE).map(value -> uri(SQS_ENDPOINT_VARIABLE, value))));
    }

    private static Optional<String> optional(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    private static String required(Map<String, String> environment, String name) {
        return optional(environment, name)
                .orElseThrow(() -> new IllegalStateException("environment variable " + name + " is not set"));
    }

    private static URI uri(String name, String value) {
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() != null && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException malformed) {
            // falls through to the error below, which names the variable
        }
        throw new IllegalStateException("environment variable " + name + " must be an absolute URL, not '" + value + "'");
    }

    private static void requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
