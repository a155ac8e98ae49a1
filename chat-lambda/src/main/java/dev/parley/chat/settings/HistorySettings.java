package dev.parley.chat.settings;

import dev.parley.chat.adapter.out.dynamodb.ChatDetailsTable;
import dev.parley.chat.adapter.out.dynamodb.ChatHistoryTable;
import dev.parley.chat.domain.model.HistoryWindow;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where rooms' histories are kept and how much of them ({@link HistoryWindow}): the functions read it from their
 * environment, the deployment from the CDK context, chat-local from {@code --history-window} and
 * {@code --history-retention}. Ranges are the window's own.
 *
 * @param tableName the chat history table
 * @param window    how many messages a resume replays, and how long messages are kept
 */
public record HistorySettings(String tableName, HistoryWindow window) {

    // Before the settings: static fields initialise in order, and HISTORY_RETENTION's parser reads it.
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})([dhm])");

    public static final Setting<String> HISTORY_TABLE_NAME = new Setting<>(
            "HISTORY_TABLE_NAME",
            Optional.of("historyTableName"),
            Optional.empty(),
            "the chat history table",
            ChatHistoryTable.DEFAULT_NAME,
            "a DynamoDB table name: " + ChatDetailsTable.NAME_RULE,
            ChatHistoryTable::requireValidName,
            Function.identity());

    public static final Setting<Integer> HISTORY_WINDOW = new Setting<>(
            "HISTORY_WINDOW",
            Optional.of("historyWindow"),
            Optional.of(new Setting.Flag("--history-window", "MESSAGES")),
            "the most missed messages a resuming client is replayed; beyond it, a gap and the latest 50",
            HistoryWindow.DEFAULT.maxMessages(),
            "a whole number from " + HistoryWindow.MIN_MESSAGES + " to " + HistoryWindow.MAX_MESSAGES,
            text -> HistoryWindow.requireValidMessages(Integer.parseInt(text)),
            String::valueOf);

    public static final Setting<Duration> HISTORY_RETENTION = new Setting<>(
            "HISTORY_RETENTION",
            Optional.of("historyRetention"),
            Optional.of(new Setting.Flag("--history-retention", "DURATION")),
            "how long room messages are kept (table TTL) and replayed",
            HistoryWindow.DEFAULT.retention(),
            "a whole number of days, hours or minutes (7d, 12h, 30m) from 1m to 365d",
            text -> HistoryWindow.requireValidRetention(duration(text)),
            HistorySettings::format);

    /** The defaults: the {@link ChatHistoryTable#DEFAULT_NAME} table and the {@link HistoryWindow#DEFAULT}. */
    public static final HistorySettings DEFAULT =
            new HistorySettings(ChatHistoryTable.DEFAULT_NAME, HistoryWindow.DEFAULT);

    public HistorySettings {
        ChatHistoryTable.requireValidName(tableName);
        Objects.requireNonNull(window, "window");
    }

    public static HistorySettings fromEnvironment(Map<String, String> environment) {
        return new HistorySettings(HISTORY_TABLE_NAME.fromEnvironment(environment),
                new HistoryWindow(HISTORY_WINDOW.fromEnvironment(environment),
                        HISTORY_RETENTION.fromEnvironment(environment)));
    }

    /** From the CDK context; see {@link Setting#fromContext}. */
    public static HistorySettings fromContext(Function<String, Object> context) {
        return new HistorySettings(HISTORY_TABLE_NAME.fromContext(context),
                new HistoryWindow(HISTORY_WINDOW.fromContext(context), HISTORY_RETENTION.fromContext(context)));
    }

    /** The variables {@link #fromEnvironment} reads back as these settings. */
    public Map<String, String> toEnvironment() {
        return Map.ofEntries(HISTORY_TABLE_NAME.toEnvironment(tableName),
                HISTORY_WINDOW.toEnvironment(window.maxMessages()),
                HISTORY_RETENTION.toEnvironment(window.retention()));
    }

    private static Duration duration(String text) {
        Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a whole number followed by d, h or m: " + text);
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "d" -> Duration.ofDays(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    /** In the largest unit that holds it whole; a retention is whole minutes (the parser reads no other). */
    private static String format(Duration retention) {
        if (retention.toDays() * 86_400 == retention.toSeconds()) {
            return retention.toDays() + "d";
        }
        if (retention.toHours() * 3_600 == retention.toSeconds()) {
            return retention.toHours() + "h";
        }
        return retention.toMinutes() + "m";
    }
}
