package dev.parley.chat.settings;

import dev.parley.chat.domain.model.HistoryWindow;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much of a room's history is kept and replayed ({@link HistoryWindow}): the functions read it from their
 * environment, the deployment from the CDK context, chat-local and chat-server from {@code --history-window} and
 * {@code --history-retention}. Ranges are the window's own.
 */
public final class HistoryWindowSettings {

    // Before the settings: static fields initialise in order, and HISTORY_RETENTION's parser reads it.
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})([dhm])");

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
            HistoryWindowSettings::format);

    private HistoryWindowSettings() {}

    public static HistoryWindow fromEnvironment(Map<String, String> environment) {
        return new HistoryWindow(HISTORY_WINDOW.fromEnvironment(environment),
                HISTORY_RETENTION.fromEnvironment(environment));
    }

    /** From the CDK context; see {@link Setting#fromContext}. */
    public static HistoryWindow fromContext(Function<String, Object> context) {
        return new HistoryWindow(HISTORY_WINDOW.fromContext(context), HISTORY_RETENTION.fromContext(context));
    }

    /** The variables {@link #fromEnvironment} reads back as {@code window}. */
    public static Map<String, String> toEnvironment(HistoryWindow window) {
        return Map.ofEntries(HISTORY_WINDOW.toEnvironment(window.maxMessages()),
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
