package dev.parley.local.gateway;

import java.util.function.Consumer;

/** The gateway's console: one line per invocation, and its own notices. */
final class GatewayLog {

    private final Consumer<String> console;

    GatewayLog(Consumer<String> console) {
        this.console = console;
    }

    Consumer<String> console() {
        return console;
    }

    /** {@code route=sendMessage connectionId=L0SM9cOFvHcCIhw= status=200 durationMs=12}, then any details. */
    void invocation(String route, String connectionId, int status, long durationMs, String details) {
        console.accept("route=" + route + " connectionId=" + connectionId + " status=" + status
                + " durationMs=" + durationMs + (details.isEmpty() ? "" : " " + details));
    }

    void notice(String message) {
        console.accept(message);
    }

    /**
     * {@code text} in double quotes, with quotes, backslashes, control characters and invisible formatting characters
     * (zero-width, bidirectional) written as escapes: what a client chose, such as a close reason, can then neither
     * start a line of its own in the log nor make one look like something else.
     */
    static String quoted(String text) {
        var quoted = new StringBuilder(text.length() + 2).append('"');
        text.chars().forEach(c -> {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append((char) c);
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                quoted.append(String.format("\\u%04x", c));
            } else {
                quoted.append((char) c);
            }
        });
        return quoted.append('"').toString();
    }
}
