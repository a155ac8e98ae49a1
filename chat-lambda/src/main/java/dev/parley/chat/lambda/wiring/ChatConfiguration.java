package dev.parley.chat.lambda.wiring;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the handlers need to know about their surroundings. On AWS it comes from the function's environment
 * ({@link #fromEnvironment(Map)}); the local gateway and the tests build it directly.
 *
 * @param tableName the {@code chatDetails} table
 * @param region the AWS region of the table and the WebSocket API
 * @param dynamoDbEndpoint a DynamoDB-compatible endpoint instead of AWS's (dynalite locally)
 * @param websocketCallbackUrl the {@code @connections} base URL: {@code https://{apiId}.execute-api.{region}.amazonaws.com/{stage}}
 * @param allowedOrigin the origin the broadcast endpoint answers CORS requests for
 * @param connectionRetention how long a disconnected row is kept before the table's TTL removes it
 * @param activeShards how many partitions the active-connections index spreads connections over
 */
public record ChatConfiguration(
        String tableName,
        String region,
        Optional<URI> dynamoDbEndpoint,
        URI websocketCallbackUrl,
        String allowedOrigin,
        Duration connectionRetention,
        int activeShards) {

    public static final String DEFAULT_TABLE_NAME = "chatDetails";
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
    public static final int DEFAULT_ACTIVE_SHARDS = 4;

    public ChatConfiguration {
        requireText(tableName, "table name");
        requireText(region, "region");
        Objects.requireNonNull(dynamoDbEndpoint, "DynamoDB endpoint");
        Objects.requireNonNull(websocketCallbackUrl, "WebSocket callback URL");
        requireText(allowedOrigin, "allowed origin");
        Objects.requireNonNull(connectionRetention, "connection retention");
        if (connectionRetention.isNegative() || connectionRetention.isZero()) {
            throw new IllegalArgumentException("connection retention must be positive");
        }
        if (activeShards < 1) {
            throw new IllegalArgumentException("active shards must be at least 1");
        }
    }

    /** Reads the function's environment variables; names the variable that is missing or wrong. */
    public static ChatConfiguration fromEnvironment(Map<String, String> environment) {
        return new ChatConfiguration(
                environment.getOrDefault("TABLE_NAME", DEFAULT_TABLE_NAME),
                required(environment, "AWS_REGION"),
                optional(environment, "DYNAMODB_ENDPOINT").map(value -> uri("DYNAMODB_ENDPOINT", value)),
                uri("WEBSOCKET_CALLBACK_URL", required(environment, "WEBSOCKET_CALLBACK_URL")),
                environment.getOrDefault("ALLOWED_ORIGIN", "*"),
                optional(environment, "CONNECTION_RETENTION_DAYS")
                        .map(days -> Duration.ofDays(positiveInt(environment, "CONNECTION_RETENTION_DAYS")))
                        .orElse(DEFAULT_RETENTION),
                optional(environment, "ACTIVE_SHARDS")
                        .map(shards -> positiveInt(environment, "ACTIVE_SHARDS"))
                        .orElse(DEFAULT_ACTIVE_SHARDS));
    }

    private static Optional<String> optional(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    private static String required(Map<String, String> environment, String name) {
        return optional(environment, name)
                .orElseThrow(() -> new IllegalStateException("environment variable " + name + " is not set"));
    }

    private static int positiveInt(Map<String, String> environment, String name) {
        String value = required(environment, name);
        try {
            int parsed = Integer.parseInt(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // falls through to the error below, which names the variable
        }
        throw new IllegalStateException("environment variable " + name + " must be a positive whole number, not '" + value + "'");
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
