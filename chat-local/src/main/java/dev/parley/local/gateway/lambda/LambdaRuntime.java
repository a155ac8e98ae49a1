package dev.parley.local.gateway.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Invokes handlers as Lambda does: the same handler instance for every call, concurrently, with a context and a
 * console logger. A handler that throws is a function error. An invocation takes an idle thread when there is one,
 * else a new one up to Lambda's default concurrency (threads retire when idle, like execution environments); beyond
 * that many invocations at once, the next ones wait (where Lambda would throttle).
 */
public final class LambdaRuntime implements AutoCloseable {

    /** Lambda's default concurrency quota per account and region. */
    private static final int CONCURRENCY = 1000;
    /** Functions are given the longest integration time API Gateway waits for. */
    private static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(29);
    private static final Duration IDLE_THREAD_LIFETIME = Duration.ofSeconds(30);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    private final ThreadPoolExecutor pool;
    private final Clock clock;
    private final Consumer<String> console;

    public LambdaRuntime(Clock clock, Consumer<String> console) {
        this.clock = clock;
        this.console = console;
        // A plain pool either makes a thread per task until it holds its core size, or queues once it has its core
        // size: this queue takes a task only when an idle thread is waiting for it, so the pool grows only when all
        // its threads are busy, and the tasks it refuses at its size wait in the queue.
        var waitingTasks = new HandOverQueue();
        this.pool = new ThreadPoolExecutor(0, CONCURRENCY, IDLE_THREAD_LIFETIME.toMillis(), TimeUnit.MILLISECONDS,
                waitingTasks, namedThreads(), (task, full) -> {
                    if (full.isShutdown()) {
                        throw new RejectedExecutionException("the local Lambda runtime is stopped");
                    }
                    waitingTasks.put(task);
                });
    }

    /** How many threads run or wait for invocations now. */
    int threads() {
        return pool.getPoolSize();
    }

    /** The pool the invocations run on. */
    public ExecutorService pool() {
        return pool;
    }

    /** Calls the handler in the current thread; throws {@link FunctionError} when it fails. */
    public <I, O> O invoke(RequestHandler<I, O> handler, I event, String requestId) {
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

    /** Accepts a task only when a thread is idle to take it; {@link #put} queues it regardless. */
    private static final class HandOverQueue extends LinkedTransferQueue<Runnable> {

        private static final long serialVersionUID = 1L;

        @Override
        public boolean offer(Runnable task) {
            return tryTransfer(task);
        }
    }

    /** The handler threw: API Gateway answers the client as for a failed integration. */
    public static final class FunctionError extends RuntimeException {

        private static final long serialVersionUID = 1L;

        FunctionError(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
