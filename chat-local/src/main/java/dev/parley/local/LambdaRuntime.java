package dev.parley.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Invokes handlers as Lambda does: the same handler instance for every call, concurrently, with a context and a
 * console logger. A handler that throws is a function error. Threads are made on demand up to Lambda's default
 * concurrency and retire when idle; beyond that many invocations at once, the next ones wait (where Lambda would
 * throttle).
 */
final class LambdaRuntime implements AutoCloseable {

    /** Lambda's default concurrency quota per account and region. */
    private static final int CONCURRENCY = 1000;
    /** Functions are given the longest integration time API Gateway waits for. */
    private static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(29);
    private static final Duration IDLE_THREAD_LIFETIME = Duration.ofSeconds(30);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    private final ThreadPoolExecutor pool;
    private final Clock clock;
    private final Consumer<String> console;

    LambdaRuntime(Clock clock, Consumer<String> console) {
        this.clock = clock;
        this.console = console;
        this.pool = new ThreadPoolExecutor(CONCURRENCY, CONCURRENCY, IDLE_THREAD_LIFETIME.toMillis(),
                TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), namedThreads());
        pool.allowCoreThreadTimeOut(true);
    }

    /** The pool the invocations run on. */
    ExecutorService pool() {
        return pool;
    }

    /** Calls the handler in the current thread; throws {@link FunctionError} when it fails. */
    <I, O> O invoke(RequestHandler<I, O> handler, I event, String requestId) {
        String functionName = handler.getClass().getSimpleName();
        var logger = new ConsoleLambdaLogger(console, functionName, requestId);
        var context = new LambdaContext(functionName, requestId, clock.instant().plus(FUNCTION_TIMEOUT), clock, logger);
        try {
            return handler.handleRequest(event, context);
        } catch (RuntimeException failure) {
            logger.log("function error: " + stackTrace(failure));
            throw new FunctionError(functionName + " failed: " + failure, failure);
        }
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory namedThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "lambda-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static String stackTrace(Throwable failure) {
        var trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    /** The handler threw: API Gateway answers the client as for a failed integration. */
    static final class FunctionError extends RuntimeException {

        private static final long serialVersionUID = 1L;

        FunctionError(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
