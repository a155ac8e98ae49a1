package dev.parley.chat.adapter.in.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.parley.chat.wiring.ChatComponent;
import java.time.Duration;

/**
 * The worker of queued broadcasts and the queue that feeds it, as the deployment defines them and the local gateway
 * emulates them: one place for the batch size, the concurrency the {@code @connections} rate is shared by, the
 * function's timeout, the visibility timeout and the receives before the dead-letter queue.
 */
public final class BroadcastWorkerRoute {

    public static final String HANDLER = BroadcastWorkerHandler.class.getName() + "::handleRequest";
    public static final String QUEUE_NAME = "parley-broadcast-pages";
    public static final String DEAD_LETTER_QUEUE_NAME = "parley-broadcast-pages-dlq";
    /**
     * Pages an invocation gets at most: one, so the pages of a broadcast spread over all {@link #MAX_CONCURRENCY}
     * workers. Each paces to its share of the rate, so with batches of ten a broadcast of fewer than a hundred pages
     * (50,000 recipients) ran on fewer workers than the rate is shared by, and that much slower (ADR 0011).
     */
    public static final int BATCH_SIZE = 1;
    /**
     * Workers at once at most (the event source's maximum concurrency and the function's reserved concurrency): each
     * paces its sends to this share of the account's {@code @connections} rate, so together they stay within it (ADR
     * 0011).
     */
    public static final int MAX_CONCURRENCY = 10;
    /** A page of the largest size at a tenth of the default rate takes 5 s; a retried page, throttled, far more. */
    public static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(90);
    /** AWS's advice: at least six times the function's timeout, so a batch still running is not handed out again. */
    public static final Duration VISIBILITY_TIMEOUT = FUNCTION_TIMEOUT.multipliedBy(6);
    /** A page that failed this many receives goes to the dead-letter queue, where its alarm sees it. */
    public static final int MAX_RECEIVE_COUNT = 5;

    private BroadcastWorkerRoute() {}

    public static RequestHandler<SQSEvent, SQSBatchResponse> createHandler(ChatComponent component) {
        return new BroadcastWorkerHandler(component);
    }
}
