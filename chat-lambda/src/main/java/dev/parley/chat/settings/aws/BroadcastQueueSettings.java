package dev.parley.chat.settings.aws;

import dev.parley.chat.settings.Setting;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a broadcast is split between the inline path and the work queue: the functions read it from their environment,
 * the deployment from the CDK context, chat-local from {@code --broadcast-inline-limit} and
 * {@code --broadcast-page-size}.
 *
 * @param inlineLimit the largest audience sent to during the {@code POST}; a larger one is queued
 * @param pageSize    how many recipients one page of a queued broadcast holds: one work item of a worker
 */
public record BroadcastQueueSettings(int inlineLimit, int pageSize) {

    public static final int MAX_INLINE_LIMIT = 100_000;
    /** At about 20 bytes an id, 5,000 ids stay far below an SQS message's 256 KB. */
    public static final int MAX_PAGE_SIZE = 5_000;

    public static final Setting<Integer> BROADCAST_INLINE_LIMIT = new Setting<>(
            "BROADCAST_INLINE_LIMIT",
            Optional.of("broadcastInlineLimit"),
            Optional.of(new Setting.Flag("--broadcast-inline-limit", "RECIPIENTS")),
            "the largest audience a broadcast is sent to during the request (200 with the report); a larger one is"
                    + " queued (202 with a status URL)",
            2_000,
            "a whole number from 0 to " + MAX_INLINE_LIMIT,
            text -> requireBetween(Integer.parseInt(text), 0, MAX_INLINE_LIMIT),
            String::valueOf);

    public static final Setting<Integer> BROADCAST_PAGE_SIZE = new Setting<>(
            "BROADCAST_PAGE_SIZE",
            Optional.of("broadcastPageSize"),
            Optional.of(new Setting.Flag("--broadcast-page-size", "RECIPIENTS")),
            "how many recipients one page of a queued broadcast holds (one work item of a worker)",
            500,
            "a whole number from 1 to " + MAX_PAGE_SIZE,
            text -> requireBetween(Integer.parseInt(text), 1, MAX_PAGE_SIZE),
            String::valueOf);

    public static final BroadcastQueueSettings DEFAULT = new BroadcastQueueSettings(
            BROADCAST_INLINE_LIMIT.defaultValue(), BROADCAST_PAGE_SIZE.defaultValue());

    public BroadcastQueueSettings {
        requireBetween(inlineLimit, 0, MAX_INLINE_LIMIT);
        requireBetween(pageSize, 1, MAX_PAGE_SIZE);
    }

    public static BroadcastQueueSettings fromEnvironment(Map<String, String> environment) {
        return new BroadcastQueueSettings(BROADCAST_INLINE_LIMIT.fromEnvironment(environment),
                BROADCAST_PAGE_SIZE.fromEnvironment(environment));
    }

    /** From the CDK context; see {@link Setting#fromContext}. */
    public static BroadcastQueueSettings fromContext(Function<String, Object> context) {
        return new BroadcastQueueSettings(BROADCAST_INLINE_LIMIT.fromContext(context),
                BROADCAST_PAGE_SIZE.fromContext(context));
    }

    /** The variables {@link #fromEnvironment} reads back as these settings. */
    public Map<String, String> toEnvironment() {
        return Map.ofEntries(BROADCAST_INLINE_LIMIT.toEnvironment(inlineLimit), BROADCAST_PAGE_SIZE.toEnvironment(pageSize));
    }

    private static int requireBetween(int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(value + " is not from " + min + " to " + max);
        }
        return value;
    }
}
