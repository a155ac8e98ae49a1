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
}
