package dev.parley.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A harness's command line: {@code --name value} pairs, each name known in advance. Every mistake is an
 * {@link IllegalArgumentException} naming the option.
 */
public final class Options {

    private final Map<String, String> values = new HashMap<>();

    private Options() {}

    /** Reads {@code args}; {@code known} are the option names without their dashes. */
    public static Options parse(String[] args, Set<String> known) {
        Options options = new Options();
        for (int index = 0; index < args.length; index++) {
            String argument = args[index];
            if (!argument.startsWith("--")) {
                throw new IllegalArgumentException("expected an option such as --" + known.iterator().next()
                        + ", not '" + argument + "'");
            }
            String name = argument.substring(2);
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; the options are --"
                        + String.join(", --", new TreeSet<>(known)));
            }
            if (index + 1 >= args.length) {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            if (options.values.put(name, args[++index]) != null) {
                throw new IllegalArgumentException("--" + name + " is given twice");
            }
        }
        return options;
    }

    public String text(String name, String byDefault) {
        return values.getOrDefault(name, byDefault);
    }

    /** A whole number of at least {@code min}. */
    public int integer(String name, int byDefault, int min) {
        String value = values.get(name);
        if (value == null) {
            return byDefault;
        }
        try {
            int parsed = Integer.parseInt(value.replace("_", ""));
            if (parsed >= min) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // falls through to the error below
        }
        throw new IllegalArgumentException("--" + name + " must be a whole number of at least " + min + ", not '"
                + value + "'");
    }

    /** One of {@code choices}. */
    public String choice(String name, String byDefault, Set<String> choices) {
        String value = text(name, byDefault);
        if (!choices.contains(value)) {
            throw new IllegalArgumentException("--" + name + " must be one of " + new TreeSet<>(choices) + ", not '"
                    + value + "'");
        }
        return value;
    }
}
