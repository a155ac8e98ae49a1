package dev.parley.local.gateway.sqs;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.parley.local.gateway.lambda.LambdaRuntime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Lambda's SQS event source mapping, for one queue and one function: up to {@code maxConcurrency} pollers each
 * receive a batch of up to {@code batchSize} messages (the queue hides them for its visibility timeout), invoke the
 * function with them in an execution environment of its own, and then delete what it handled. With
 * {@code ReportBatchItemFailures} only the messages the function's {@link SQSBatchResponse} names stay; a function
 * that throws, outlasts its timeout or is killed leaves the whole batch, which comes back after the visibility timeout
 * (and after the queue's {@code maxReceiveCount} receives, the queue's redrive moves it to the dead-letter queue). An
 * execution environment whose invocation was killed is discarded: the next invocation gets a new one.
 */
public final class SqsEventSource implements AutoCloseable {

    /** How long a receive waits for messages (long polling), and so how soon a stopping poller notices. */
    private static final int POLL_WAIT_SECONDS = 1;
    private static final Duration RETRY_AFTER_FAILED_POLL = Duration.ofSeconds(1);
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    /**
     * How the function reads the queue.
     *
     * @param batchSize       messages an invocation gets at most: 1 to 10 (one receive; Lambda's batching window that
     *                        gathers more is not emulated)
     * @param maxConcurrency  invocations at once at most: Lambda's {@code ScalingConfig.MaximumConcurrency}
     * @param functionTimeout how long an invocation may run before it is killed
     */
    public record Mapping(String queueUrl, int batchSize, int maxConcurrency, Duration functionTimeout) {

        public Mapping {
            Objects.requireNonNull(queueUrl, "queue URL");
            Objects.requireNonNull(functionTimeout, "function timeout");
            if (batchSize < 1 || batchSize > 10) {
                throw new IllegalArgumentException("the local event source takes batches of 1 to 10, not " + batchSize);
            }
            if (maxConcurrency < 1 || maxConcurrency > 1000) {
                throw new IllegalArgumentException("maximum concurrency is from 1 to 1000, not " + maxConcurrency);
            }
            if (functionTimeout.isNegative() || functionTimeout.isZero()) {
                throw new IllegalArgumentException("a function timeout must be positive");
            }
        }
    }

    /** What the event source did so far. */
    public record Counts(long invocations, long failedInvocations, long killedInvocations, long failedItems,
            long deleted) {}

    private final SqsClient sqs;
    private final Mapping mapping;
    private final Supplier<RequestHandler<SQSEvent, SQSBatchResponse>> environments;
    private final LambdaRuntime runtime;
    private final Consumer<String> console;
    private final String queueArn;
    private final Set<Thread> running = ConcurrentHashMap.newKeySet();
    private final Set<Thread> killed = ConcurrentHashMap.newKeySet();
    private final List<Thread> pollers = new ArrayList<>();
    private final AtomicInteger invocationNumbers = new AtomicInteger();
    private final LongAdder invocations = new LongAdder();
    private final LongAdder failedInvocations = new LongAdder();
    private final LongAdder killedInvocations = new LongAdder();
    private final LongAdder failedItems = new LongAdder();
    private final LongAdder deleted = new LongAdder();
    private volatile boolean stopping;

    private SqsEventSource(SqsClient sqs, Mapping mapping, Supplier<RequestHandler<SQSEvent, SQSBatchResponse>> environments,
            Clock clock, Consumer<String> console) {
        this.sqs = sqs;
        this.mapping = mapping;
        this.environments = environments;
        this.runtime = new LambdaRuntime(clock, console);
        this.console = console;
        this.queueArn = sqs.getQueueAttributes(request -> request.queueUrl(mapping.queueUrl())
                        .attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    /**
     * Starts polling {@code mapping}'s queue; each poller makes its execution environment (the function's handler)
     * with {@code environments}, and makes a new one after an invocation was killed.
     */
    public static SqsEventSource start(SqsClient sqs, Mapping mapping,
            Supplier<RequestHandler<SQSEvent, SQSBatchResponse>> environments, Clock clock, Consumer<String> console) {
        var source = new SqsEventSource(Objects.requireNonNull(sqs, "SQS client"), Objects.requireNonNull(mapping, "mapping"),
                Objects.requireNonNull(environments, "environments"), clock, console);
        for (int n = 1; n <= mapping.maxConcurrency(); n++) {
            Thread poller = new Thread(source::poll, "sqs-poller-" + n);
            poller.setDaemon(true);
            source.pollers.add(poller);
            poller.start();
        }
        return source;
    }

    public Counts counts() {
        return new Counts(invocations.sum(), failedInvocations.sum(), killedInvocations.sum(), failedItems.sum(),
                deleted.sum());
    }

    /**
     * Kills every invocation running now, in the middle of whatever it does, as Lambda ends an execution environment
     * that crashed or timed out: nothing of their batches is deleted.
     *
     * @return how many were killed
     */
    public int killRunningInvocations() {
        int count = 0;
        for (Thread invocation : List.copyOf(running)) {
            kill(invocation);
            count++;
        }
        return count;
    }

    @Override
    public void close() {
        stopping = true;
        for (Thread poller : pollers) {
            try {
                poller.join(Duration.ofSeconds(POLL_WAIT_SECONDS).plus(mapping.functionTimeout()).plus(KILL_WAIT).toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        killRunningInvocations();
        runtime.close();
    }

    private void poll() {
        // Made on the first batch, as Lambda starts an execution environment only for an invocation.
        RequestHandler<SQSEvent, SQSBatchResponse> environment = null;
        while (!stopping) {
            List<Message> batch;
            try {
                batch = sqs.receiveMessage(request -> request.queueUrl(mapping.queueUrl())
                                .maxNumberOfMessages(mapping.batchSize())
                                .waitTimeSeconds(POLL_WAIT_SECONDS)
                                .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                        .messages();
            } catch (SdkException unreachable) {
                if (!stopping) {
                    console.accept("sqs event source: receiving from " + mapping.queueUrl() + " failed, retrying: "
                            + unreachable.getMessage());
                    pause();
                }
                continue;
            }
            if (batch.isEmpty()) {
                continue;
            }
            if (environment == null) {
                environment = environments.get();
            }
            if (!invoke(environment, batch)) {
                // Lambda discards an environment whose invocation crashed or timed out.
                environment = null;
            }
        }
    }

    /** Invokes the function with {@code batch} and deletes what it handled; false when the invocation was killed. */
    private boolean invoke(RequestHandler<SQSEvent, SQSBatchResponse> environment, List<Message> batch) {
        invocations.increment();
        var response = new AtomicReference<SQSBatchResponse>();
        var functionError = new AtomicReference<RuntimeException>();
        String requestId = UUID.randomUUID().toString();
        SQSEvent event = event(batch);
        Thread invocation = new Thread(() -> {
            try {
                response.set(runtime.invoke(environment, event, requestId));
            } catch (LambdaRuntime.FunctionError failed) {
                functionError.set(failed);
            }
        }, "sqs-invocation-" + invocationNumbers.incrementAndGet());
        invocation.setDaemon(true);
        running.add(invocation);
        invocation.start();
        try {
            invocation.join(mapping.functionTimeout().toMillis());
            if (invocation.isAlive()) {
                console.accept("sqs event source: invocation " + requestId + " timed out after "
                        + mapping.functionTimeout() + ", killed");
                kill(invocation);
            }
        } catch (InterruptedException interrupted) {
            kill(invocation);
            Thread.currentThread().interrupt();
        } finally {
            running.remove(invocation);
        }
        if (killed.remove(invocation)) {
            killedInvocations.increment();
            return false;
        }
        if (functionError.get() != null || response.get() == null) {
            // An exception fails the whole batch: every message comes back after the visibility timeout.
            failedInvocations.increment();
            return true;
        }
        Set<String> failed = response.get().getBatchItemFailures() == null ? Set.of()
                : response.get().getBatchItemFailures().stream()
                        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                        .collect(Collectors.toSet());
        failedItems.add(failed.size());
        delete(batch.stream().filter(message -> !failed.contains(message.messageId())).toList());
        return true;
    }

    /**
     * Ends the invocation's thread where it stands. {@code Thread.stop} is what a crash of the execution environment
     * looks like from inside the JVM: the code stops between two instructions, and its environment is thrown away. A JDK
     * without it (20 and later) gets an interrupt instead: the invocation counts as killed all the same (its batch is
     * not deleted and comes back), though its code may run on to the end.
     */
    @SuppressWarnings({"deprecation", "removal"})
    private void kill(Thread invocation) {
        killed.add(invocation);
        try {
            invocation.stop();
        } catch (UnsupportedOperationException noStopOnThisJdk) {
            invocation.interrupt();
        }
        try {
            invocation.join(KILL_WAIT.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void delete(List<Message> handled) {
        for (int from = 0; from < handled.size(); from += 10) {
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (Message message : handled.subList(from, Math.min(handled.size(), from + 10))) {
                entries.add(DeleteMessageBatchRequestEntry.builder()
                        .id(Integer.toString(entries.size()))
                        .receiptHandle(message.receiptHandle())
                        .build());
            }
            try {
                var result = sqs.deleteMessageBatch(request -> request.queueUrl(mapping.queueUrl()).entries(entries));
                deleted.add(result.successful().size());
            } catch (SdkException unreachable) {
                // Not deleted: the messages come back after the visibility timeout, as on AWS.
                console.accept("sqs event source: deleting a batch failed: " + unreachable.getMessage());
            }
        }
    }

    /** The event Lambda gives the function: each message with its attributes, source and queue. */
    private SQSEvent event(List<Message> batch) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>(batch.size());
        for (Message message : batch) {
            var record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setReceiptHandle(message.receiptHandle());
            record.setBody(message.body());
            record.setMd5OfBody(message.md5OfBody());
            Map<String, String> attributes = new HashMap<>();
            message.attributes().forEach((name, value) -> attributes.put(name.toString(), value));
            record.setAttributes(attributes);
            record.setEventSource("aws:sqs");
            record.setEventSourceArn(queueArn);
            record.setAwsRegion(region(queueArn));
            records.add(record);
        }
        var event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    /** The region of an ARN ({@code arn:aws:sqs:REGION:ACCOUNT:NAME}); empty when it has none. */
    private static String region(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":", 6);
        return parts.length > 3 ? parts[3] : "";
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_AFTER_FAILED_POLL.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }
}
