package dev.parley.chat.wiring;

import dev.parley.chat.adapter.out.apigateway.CallbackRate;
import dev.parley.chat.domain.model.MessageRateLimit;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

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
 * @param sendRateLimit how fast each connection may send messages
 * @param dynamoDbTimeouts how long a DynamoDB call may take before the handler gives up on it
 * @param callbackRate the {@code @connections} rate the publisher paces its sends to: the account's API Gateway
 *        quota in the region, or the share of it left to Parley
 */
public record ChatConfiguration(
        String tableName,
        String region,
        Optional<URI> dynamoDbEndpoint,
        URI websocketCallbackUrl,
        String allowedOrigin,
        Duration connectionRetention,
        int activeShards,
        MessageRateLimit sendRateLimit,
        DynamoDbTimeouts dynamoDbTimeouts,
        CallbackRate callbackRate) {

    public static final String DEFAULT_TABLE_NAME = "chatDetails";
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
    public static final int DEFAULT_ACTIVE_SHARDS = 4;
    /** Ten messages a second, twenty at once: more than anyone types, far less than a script floods. */
    public static final MessageRateLimit DEFAULT_SEND_RATE_LIMIT = new MessageRateLimit(10, 20);
    /**
     * A DynamoDB call takes milliseconds: an attempt unanswered after 2 s is abandoned (and retried by the SDK), and
     * the whole call, retries included, after 5 s, so a handler answers {@code INTERNAL} well within its function's
     * timeout (10 s, 29 s for the fan-outs) instead of hanging until Lambda kills it.
     */
    public static final DynamoDbTimeouts DEFAULT_DYNAMODB_TIMEOUTS =
            new DynamoDbTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));

    /** The largest {@code @connections} rate or burst accepted: far beyond any quota API Gateway grants, so a typo. */
    public static final int MAX_CALLBACK_LIMIT = 1_000_000;

    private static final Pattern DECIMAL = Pattern.compile("\\d{1,9}(\\.\\d{1,9})?");

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
        Objects.requireNonNull(sendRateLimit, "send rate limit");
        Objects.requireNonNull(dynamoDbTimeouts, "DynamoDB timeouts");
        Objects.requireNonNull(callbackRate, "callback rate");
    }

    /** A configuration with the {@link #DEFAULT_DYNAMODB_TIMEOUTS}, paced to {@link CallbackRate#ACCOUNT_DEFAULT}. */
    public ChatConfiguration(String tableName, String region, Optional<URI> dynamoDbEndpoint, URI websocketCallbackUrl,
            String allowedOrigin, Duration connectionRetention, int activeShards, MessageRateLimit sendRateLimit) {
        this(tableName, region, dynamoDbEndpoint, websocketCallbackUrl, allowedOrigin, connectionRetention, activeShards,
                sendRateLimit, DEFAULT_DYNAMODB_TIMEOUTS, CallbackRate.ACCOUNT_DEFAULT);
    }

    /**
     * A configuration with the {@link #DEFAULT_SEND_RATE_LIMIT} and the {@link #DEFAULT_DYNAMODB_TIMEOUTS}, paced to
     * {@link CallbackRate#ACCOUNT_DEFAULT}.
     */
    public ChatConfiguration(String tableName, String region, Optional<URI> dynamoDbEndpoint, URI websocketCallbackUrl,
            String allowedOrigin, Duration connectionRetention, int activeShards) {
        this(tableName, region, dynamoDbEndpoint, websocketCallbackUrl, allowedOrigin, connectionRetention, activeShards,
                DEFAULT_SEND_RATE_LIMIT);
    }

    /**
     * How long the handlers wait for DynamoDB.
     *
     * @param attempt one HTTP request, from connecting to the last byte of the answer; the SDK retries after it
     * @param call the whole call, the SDK's retries and their backoff included; then the call fails
     */
    public record DynamoDbTimeouts(Duration attempt, Duration call) {

        /** Longer than API Gateway's integration timeout, a call would outlast anyone waiting for its answer. */
        public static final Duration LONGEST_CALL = Duration.ofSeconds(29);

        public DynamoDbTimeouts {
            Objects.requireNonNull(attempt, "attempt timeout");
            Objects.requireNonNull(call, "call timeout");
            if (attempt.toMillis() < 1) {
                throw new IllegalArgumentException("the DynamoDB attempt timeout must be at least 1 ms, not " + attempt);
            }
            if (call.compareTo(attempt) < 0) {
                throw new IllegalArgumentException("the DynamoDB attempt timeout (" + attempt.toMillis()
                        + " ms) must not be longer than the call timeout (" + call.toMillis() + " ms)");
            }
            if (call.compareTo(LONGEST_CALL) > 0) {
                throw new IllegalArgumentException("the DynamoDB call timeout must be at most " + LONGEST_CALL.toMillis()
                        + " ms, not " + call.toMillis() + " ms");
            }
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
                        .orElse(DEFAULT_ACTIVE_SHARDS),
                new MessageRateLimit(
                        optional(environment, "SEND_RATE_PER_SECOND")
                                .map(rate -> sendRate(environment, "SEND_RATE_PER_SECOND"))
                                .orElse(DEFAULT_SEND_RATE_LIMIT.perSecond()),
                        optional(environment, "SEND_BURST")
                                .map(burst -> sendBurst(environment, "SEND_BURST"))
                                .orElse(DEFAULT_SEND_RATE_LIMIT.burst())),
                dynamoDbTimeouts(environment),
                new CallbackRate(
                        callbackLimit(environment, "CALLBACK_RATE_PER_SECOND", CallbackRate.ACCOUNT_DEFAULT.perSecond()),
                        callbackLimit(environment, "CALLBACK_BURST", CallbackRate.ACCOUNT_DEFAULT.burst())));
    }

    private static int callbackLimit(Map<String, String> environment, String name, int fallback) {
        if (optional(environment, name).isEmpty()) {
            return fallback;
        }
        int limit = positiveInt(environment, name);
        if (limit > MAX_CALLBACK_LIMIT) {
            throw new IllegalStateException("environment variable " + name + " must be at most " + MAX_CALLBACK_LIMIT
                    + ", not " + limit);
        }
        return limit;
    }

    private static DynamoDbTimeouts dynamoDbTimeouts(Map<String, String> environment) {
        Duration attempt = optional(environment, "DYNAMODB_ATTEMPT_TIMEOUT_MS")
                .map(millis -> Duration.ofMillis(positiveInt(environment, "DYNAMODB_ATTEMPT_TIMEOUT_MS")))
                .orElse(DEFAULT_DYNAMODB_TIMEOUTS.attempt());
        Duration call = optional(environment, "DYNAMODB_CALL_TIMEOUT_MS")
                .map(millis -> Duration.ofMillis(positiveInt(environment, "DYNAMODB_CALL_TIMEOUT_MS")))
                .orElse(DEFAULT_DYNAMODB_TIMEOUTS.call());
        try {
            return new DynamoDbTimeouts(attempt, call);
        } catch (IllegalArgumentException outOfRange) {
            String blamed = optional(environment, "DYNAMODB_CALL_TIMEOUT_MS").isPresent()
                    ? "DYNAMODB_CALL_TIMEOUT_MS" : "DYNAMODB_ATTEMPT_TIMEOUT_MS";
            throw new IllegalStateException("environment variable " + blamed + ": " + outOfRange.getMessage(), outOfRange);
        }
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

    private static double sendRate(Map<String, String> environment, String name) {
        String value = required(environment, name);
        if (!DECIMAL.matcher(value).matches()) {
            throw new IllegalStateException("environment variable " + name
                    + " must be a number of messages a second such as 10 or 0.5, not '" + value + "'");
        }
        try {
            return MessageRateLimit.requireValidRate(Double.parseDouble(value));
        } catch (IllegalArgumentException outOfRange) {
            throw new IllegalStateException("environment variable " + name + ": " + outOfRange.getMessage(), outOfRange);
        }
    }

    private static int sendBurst(Map<String, String> environment, String name) {
        try {
            return MessageRateLimit.requireValidBurst(positiveInt(environment, name));
        } catch (IllegalArgumentException outOfRange) {
            throw new IllegalStateException("environment variable " + name + ": " + outOfRange.getMessage(), outOfRange);
        }
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
