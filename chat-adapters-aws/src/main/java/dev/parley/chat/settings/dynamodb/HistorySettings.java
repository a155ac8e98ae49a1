package dev.parley.chat.settings.dynamodb;

import dev.parley.chat.adapter.out.dynamodb.ChatDetailsTable;
import dev.parley.chat.adapter.out.dynamodb.ChatHistoryTable;
import dev.parley.chat.domain.model.HistoryWindow;
import dev.parley.chat.settings.HistoryWindowSettings;
import dev.parley.chat.settings.Setting;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where rooms' histories are kept, and how much of them ({@link HistoryWindowSettings}, which every transport reads):
 * the functions read it from their environment, the deployment from the CDK context.
 *
 * @param tableName the chat history table
 * @param window    how many messages a resume replays, and how long messages are kept
 */
public record HistorySettings(String tableName, HistoryWindow window) {

    public static final Setting<String> HISTORY_TABLE_NAME = new Setting<>(
            "HISTORY_TABLE_NAME",
            Optional.of("historyTableName"),
            Optional.empty(),
            "the chat history table",
            ChatHistoryTable.DEFAULT_NAME,
            "a DynamoDB table name: " + ChatDetailsTable.NAME_RULE,
            ChatHistoryTable::requireValidName,
            Function.identity());

    /** The defaults: the {@link ChatHistoryTable#DEFAULT_NAME} table and the {@link HistoryWindow#DEFAULT}. */
    public static final HistorySettings DEFAULT =
            new HistorySettings(ChatHistoryTable.DEFAULT_NAME, HistoryWindow.DEFAULT);

    public HistorySettings {
        ChatHistoryTable.requireValidName(tableName);
        Objects.requireNonNull(window, "window");
    }

    public static HistorySettings fromEnvironment(Map<String, String> environment) {
        return new HistorySettings(HISTORY_TABLE_NAME.fromEnvironment(environment),
                HistoryWindowSettings.fromEnvironment(environment));
    }

    /** From the CDK context; see {@link Setting#fromContext}. */
    public static HistorySettings fromContext(Function<String, Object> context) {
        return new HistorySettings(HISTORY_TABLE_NAME.fromContext(context), HistoryWindowSettings.fromContext(context));
    }

    /** The variables {@link #fromEnvironment} reads back as these settings. */
    public Map<String, String> toEnvironment() {
        var environment = new HashMap<>(HistoryWindowSettings.toEnvironment(window));
        environment.put(HISTORY_TABLE_NAME.variable(), HISTORY_TABLE_NAME.format(tableName));
        return Map.copyOf(environment);
    }
}
