package dev.parley.chat.settings;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One setting of Parley's functions, declared once: its names, its default and the values it accepts. The functions
 * read it from their environment, the deployment from the CDK context (and writes it into the functions'
 * environment), chat-local and chat-server from their command lines; all parse the text with the same
 * {@link #parser()}, so a value one of them accepts, the others accept too.
 *
 * @param variable     the functions' environment variable
 * @param contextKey   the CDK context key, where the deployment lets it be chosen
 * @param flag         chat-local's option (and chat-server's, for the settings it takes), where it can be chosen
 * @param description  what it sets, for help texts
 * @param defaultValue the value where it is not set
 * @param range        the values accepted, in words that complete "must be": "a whole number from 1 to 256"
 * @param parser       the value of a stripped text; throws {@link IllegalArgumentException} for one out of range
 * @param formatter    the text of a value, which the parser reads back as the same value
 * @param <T>          the type of the value
 */
public record Setting<T>(
        String variable,
        Optional<String> contextKey,
        Optional<Flag> flag,
        String description,
        T defaultValue,
        String range,
        Function<String, T> parser,
        Function<T, String> formatter) {

    /**
     * A command-line option of chat-local, and of chat-server where it takes the setting.
     *
     * @param name        {@code --send-rate}
     * @param placeholder what the help shows for its value: {@code PER_SECOND}
     */
    public record Flag(String name, String placeholder) {

        public Flag {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(placeholder, "placeholder");
        }
    }

    public Setting {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(contextKey, "context key");
        Objects.requireNonNull(flag, "flag");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(defaultValue, "default value");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(parser, "parser");
        Objects.requireNonNull(formatter, "formatter");
        // A default outside the range would reach every function that does not set the variable.
        if (!readsBack(defaultValue, parser, formatter)) {
            throw new IllegalArgumentException(variable + "'s default " + defaultValue + " must be " + range
                    + ", and read back as itself");
        }
    }

    /** The value of {@link #variable()} in {@code environment}, or the default where it is not set. */
    public T fromEnvironment(Map<String, String> environment) {
        String text = environment.get(variable);
        return text == null ? defaultValue : parse(text, "environment variable " + variable, "");
    }

    /**
     * The value of {@link #variable()} in {@code environment}, which must set it: for a setting whose default would be
     * unsafe to fall back on silently, such as a CORS origin of {@code *}.
     */
    public T requiredFromEnvironment(Map<String, String> environment) {
        String text = environment.get(variable);
        if (text == null) {
            throw new InvalidSettingException("environment variable " + variable + " must be set: " + range, null);
        }
        return fromEnvironment(environment);
    }

    /** The value of {@link #contextKey()} in {@code context} (the app's {@code tryGetContext}), or the default. */
    public T fromContext(Function<String, Object> context) {
        String key = contextKey.orElseThrow(() -> new IllegalStateException(variable + " has no context key"));
        Object value = context.apply(key);
        return value == null ? defaultValue : parse(value.toString(), "context '" + key + "'",
                " (set it with -c " + key + "=VALUE)");
    }

    /** The value of the command line's {@link #flag()}, given as {@code text}. */
    public T fromFlag(String text) {
        Flag option = flag.orElseThrow(() -> new IllegalStateException(variable + " has no command-line option"));
        return parse(text, option.name(), "");
    }

    public String format(T value) {
        return formatter.apply(value);
    }

    /** {@code value} as the functions' environment holds it. */
    public Map.Entry<String, String> toEnvironment(T value) {
        return Map.entry(variable, format(value));
    }

    private static <T> boolean readsBack(T value, Function<String, T> parser, Function<T, String> formatter) {
        try {
            return parser.apply(formatter.apply(value)).equals(value);
        } catch (IllegalArgumentException outOfRange) {
            return false;
        }
    }

    private T parse(String text, String name, String hint) {
        String value = text.strip();
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException outOfRange) {
            throw new InvalidSettingException(name + " must be " + range + ", not '" + value + "'" + hint, outOfRange);
        }
    }
}
