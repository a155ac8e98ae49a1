package dev.parley.chat.settings.dynamodb;

import dev.parley.chat.settings.InvalidSettingException;
import dev.parley.chat.settings.Setting;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How long the handlers wait for DynamoDB.
 *
 * @param attempt one HTTP request, from connecting to the last byte of the answer; the SDK retries after it
 * @param call the whole call, the SDK's retries and their backoff included; then the call fails
 */
public record DynamoDbTimeouts(Duration attempt, Duration call) {

    /** Longer than API Gateway's integration timeout, a call would outlast anyone waiting for its answer. */
    public static final Duration LONGEST_CALL = Duration.ofSeconds(29);

    /**
     * A DynamoDB call takes milliseconds: an attempt unanswered after 2 s is abandoned (and retried by the SDK), and
     * the whole call, retries included, after 5 s, so a handler answers {@code INTERNAL} well within its function's
     * timeout (10 s, 29 s for the fan-outs) instead of hanging until Lambda kills it.
     */
    public static final DynamoDbTimeouts DEFAULT = new DynamoDbTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));

    public static final Setting<Duration> ATTEMPT_TIMEOUT = milliseconds("DYNAMODB_ATTEMPT_TIMEOUT_MS",
            "longest wait for one DynamoDB request (connect and answer); the SDK then retries", DEFAULT.attempt());

    public static final Setting<Duration> CALL_TIMEOUT = milliseconds("DYNAMODB_CALL_TIMEOUT_MS",
            "longest wait for one DynamoDB call, retries included, and at least the attempt timeout; then the handler"
                    + " answers INTERNAL", DEFAULT.call());

    public DynamoDbTimeouts {
        requireValid(attempt, "attempt");
        requireValid(call, "call");
        if (call.compareTo(attempt) < 0) {
            throw new IllegalArgumentException("the DynamoDB attempt timeout (" + attempt.toMillis()
                    + " ms) must not be longer than the call timeout (" + call.toMillis() + " ms)");
        }
    }

    /** Reads both variables; a pair out of order is blamed on the call timeout where it is set. */
    public static DynamoDbTimeouts fromEnvironment(Map<String, String> environment) {
        Duration attempt = ATTEMPT_TIMEOUT.fromEnvironment(environment);
        Duration call = CALL_TIMEOUT.fromEnvironment(environment);
        try {
            return new DynamoDbTimeouts(attempt, call);
        } catch (IllegalArgumentException outOfOrder) {
            String blamed = environment.containsKey(CALL_TIMEOUT.variable())
                    ? CALL_TIMEOUT.variable() : ATTEMPT_TIMEOUT.variable();
            throw new InvalidSettingException("environment variable " + blamed + ": " + outOfOrder.getMessage(),
                    outOfOrder);
        }
    }

    private static Setting<Duration> milliseconds(String variable, String description, Duration defaultValue) {
        return new Setting<>(variable, Optional.empty(), Optional.empty(), description, defaultValue,
                "a whole number of milliseconds from 1 to " + LONGEST_CALL.toMillis(),
                text -> requireValid(Duration.ofMillis(Integer.parseInt(text)), variable),
                timeout -> Long.toString(timeout.toMillis()));
    }

    private static Duration requireValid(Duration timeout, String what) {
        Objects.requireNonNull(timeout, what);
        if (timeout.toMillis() < 1 || timeout.compareTo(LONGEST_CALL) > 0) {
            throw new IllegalArgumentException("the DynamoDB " + what + " timeout must be 1 to " + LONGEST_CALL.toMillis()
                    + " ms, not " + timeout.toMillis() + " ms");
        }
        return timeout;
    }
}
