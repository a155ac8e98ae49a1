package dev.parley.local.gateway.lambda;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** A handler's log lines, each marked with its function and request id as CloudWatch shows them. */
final class ConsoleLambdaLogger implements LambdaLogger {

    private final Consumer<String> console;
    private final String prefix;

    ConsoleLambdaLogger(Consumer<String> console, String functionName, String requestId) {
        this.console = console;
        this.prefix = functionName + " " + requestId + " ";
    }

    @Override
    public void log(String message) {
        console.accept(prefix + message);
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
    }

    @Override
    public void log(String message, LogLevel level) {
        console.accept(prefix + level + " " + message);
    }

    @Override
    public void log(byte[] message, LogLevel level) {
        log(new String(message, StandardCharsets.UTF_8), level);
    }
}
