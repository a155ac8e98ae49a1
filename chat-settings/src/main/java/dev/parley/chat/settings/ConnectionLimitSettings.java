package dev.parley.chat.settings;

import dev.parley.chat.domain.model.ConnectionLimit;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How many connections each user may have open at once ({@link ConnectionLimit}): the functions read it from their
 * environment, the deployment from the CDK context, chat-local from {@code --max-connections-per-user}. The range is the
 * limit's own.
 */
public final class ConnectionLimitSettings {

    public static final Setting<Integer> MAX_CONNECTIONS_PER_USER = new Setting<>(
            "MAX_CONNECTIONS_PER_USER",
            Optional.of("maxConnectionsPerUser"),
            Optional.of(new Setting.Flag("--max-connections-per-user", "N")),
            "connections each user may have open at once; the next $connect of that user is refused with 429",
            ConnectionLimit.DEFAULT_MAX_CONNECTIONS,
            "a whole number from 1 to " + ConnectionLimit.MAX_CONNECTIONS,
            text -> ConnectionLimit.requireValidMaxConnections(Integer.parseInt(text)),
            String::valueOf);

    private ConnectionLimitSettings() {}

    public static ConnectionLimit fromEnvironment(Map<String, String> environment) {
        return new ConnectionLimit(MAX_CONNECTIONS_PER_USER.fromEnvironment(environment));
    }

    /** From the CDK context; see {@link Setting#fromContext}. */
    public static ConnectionLimit fromContext(Function<String, Object> context) {
        return new ConnectionLimit(MAX_CONNECTIONS_PER_USER.fromContext(context));
    }

    /** The variables {@link #fromEnvironment} reads back as {@code limit}. */
    public static Map<String, String> toEnvironment(ConnectionLimit limit) {
        return Map.ofEntries(MAX_CONNECTIONS_PER_USER.toEnvironment(limit.maxConnectionsPerUser()));
    }
}
