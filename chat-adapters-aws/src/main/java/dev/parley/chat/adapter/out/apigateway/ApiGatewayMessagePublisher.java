package dev.parley.chat.adapter.out.apigateway;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.OutgoingMessage;
import dev.parley.chat.domain.port.out.Deliveries;
import dev.parley.chat.domain.port.out.Delivery;
import dev.parley.chat.domain.port.out.DeliveryResult;
import dev.parley.chat.domain.port.out.MessagePublisher;
import dev.parley.chat.protocol.FrameWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.Stream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiAsyncClient;

/**
 * Sends messages through API Gateway's {@code @connections} management API ({@code POST /{stage}/@connections/{id}}),
 * many at once but never more than {@link PublisherSettings#maxConcurrentSends()} in all, every attempt paced to
 * the account's rate ({@link PublisherSettings#callbackRate()}), retrying throttled (429) and broken (5xx, I/O) sends
 * with exponential backoff and full jitter. The pace and the limit are kept across publishes: they all draw on the
 * same account bucket and the same HTTP connections.
 */
public final class ApiGatewayMessagePublisher implements MessagePublisher {

    private final ApiGatewayManagementApiAsyncClient client;
    private final FrameWriter writer;
    private final PublisherSettings settings;
    private final CallbackPacer pacer;
    /**
     * One per connection of the HTTP client, shared by concurrent publishes (chat-local runs many invocations on one
     * publisher): a send starts its attempt, and the attempt's timeout, only once a connection is free for it. Were
     * the sends of several publishes to queue inside the client instead, the wait would count against the attempt
     * timeout, and a send answered late because it waited would be retried while its first copy is delivered.
     */
    private final Semaphore permits;

    public ApiGatewayMessagePublisher(
            ApiGatewayManagementApiAsyncClient client, FrameWriter writer, PublisherSettings settings) {
        this.client = Objects.requireNonNull(client, "client");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.pacer = new CallbackPacer(settings.callbackRate(), System::nanoTime);
        this.permits = new Semaphore(settings.maxConcurrentSends());
    }

    /**
     * {@inheritDoc}
     *
     * <p>Reads the recipients only as fast as sends finish, and closes the stream. Deliveries come in the stream's
     * order. When the stream itself fails, the sends already started are awaited before its exception is rethrown.
     *
     * @throws CancellationException when the calling thread is interrupted: no further recipient is sent to, and the
     *                               sends already started are awaited first
     */
    @Override
    public Deliveries publish(OutgoingMessage message, Stream<ConnectionId> recipients) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(recipients, "recipients");
        // Encoded once: every recipient gets the same frames.
        List<SdkBytes> bodies = writer.frames(message).stream().map(SdkBytes::fromByteArrayUnsafe).toList();

        List<CompletableFuture<Delivery>> sends = new ArrayList<>();
        try (recipients) {
            Iterator<ConnectionId> pending = recipients.iterator();
            // A permit before each pull: a huge stream is read as fast as sends finish, never all at once.
            boolean more = true;
            while (more) {
                more = startNext(pending, bodies, sends);
            }
        } finally {
            // Even when the stream fails, no send outlives this call: Lambda freezes the environment once the
            // handler returns, which would leave such sends hanging and their outcomes unknown.
            CompletableFuture.allOf(sends.toArray(CompletableFuture<?>[]::new)).join();
        }
        return new Deliveries(sends.stream().map(CompletableFuture::join).toList());
    }

    /**
     * Takes a permit, then the next recipient, and starts its send, which gives the permit back when done; false when
     * the stream is exhausted. The permit is shared with other publishes: it goes back whenever no send took it (end
     * of the stream, a failing stream, an interruption).
     */
    private boolean startNext(Iterator<ConnectionId> pending, List<SdkBytes> bodies,
            List<CompletableFuture<Delivery>> sends) {
        acquire(sends.size());
        boolean started = false;
        try {
            if (pending.hasNext()) {
                ConnectionId recipient = Objects.requireNonNull(pending.next(), "the recipients contain null");
                awaitToken(sends.size());
                sends.add(sendInOrder(recipient, bodies).whenComplete((delivery, failure) -> permits.release()));
                started = true;
            }
            return started;
        } finally {
            if (!started) {
                permits.release();
            }
        }
    }

    private void acquire(int started) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("publish interrupted after starting " + started + " sends");
        }
    }

    /** Waits for this send's token of the account's rate, parked rather than sleeping: the waits are microseconds. */
    private void awaitToken(int started) {
        long due = System.nanoTime() + pacer.reserve();
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("publish interrupted after starting " + started + " sends");
            }
        }
    }

    /**
     * Sends the frames one after another, each once the one before was delivered, each on its own token of the
     * account's rate; the first that is not delivered ends the sequence, and is the recipient's outcome.
     */
    private CompletableFuture<Delivery> sendInOrder(ConnectionId recipient, List<SdkBytes> bodies) {
        CompletableFuture<Delivery> sent = send(recipient, bodies.get(0));
        for (SdkBytes next : bodies.subList(1, bodies.size())) {
            sent = sent.thenCompose(delivery -> delivery.result().outcome() != DeliveryResult.Outcome.DELIVERED
                    ? CompletableFuture.completedFuture(delivery)
                    : CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(
                            pacer.reserve(), TimeUnit.NANOSECONDS, Runnable::run))
                            .thenCompose(due -> send(recipient, next)));
        }
        return sent;
    }

    private CompletableFuture<Delivery> send(ConnectionId recipient, SdkBytes body) {
        return attempt(recipient, body, 1)
                // Not expected from the chain above, but one recipient must never fail the whole publish.
                .exceptionally(unexpected -> new DeliveryResult.Failed("unexpected failure: " + unexpected))
                .thenApply(result -> new Delivery(recipient, result));
    }

    private CompletableFuture<DeliveryResult> attempt(ConnectionId recipient, SdkBytes body, int attempt) {
        return client.postToConnection(request -> request.connectionId(recipient.value()).data(body))
                .thenApply(response -> DeliveryResult.delivered())
                .exceptionallyCompose(failure -> {
                    FailedAttempt failed = FailedAttempt.of(failure, body.asByteArrayUnsafe().length);
                    if (failed.kind() == FailedAttempt.Kind.THROTTLED) {
                        pacer.drain();
                    }
                    return failed.retryable() && attempt < settings.maxAttempts()
                            ? retryAfterBackoff(recipient, body, attempt)
                            : CompletableFuture.completedFuture(failed.result(attempt));
                });
    }

    /**
     * Waits a random time up to the backoff ceiling (full jitter, so throttled sends spread out instead of retrying
     * in step), and at least until the retry's own token of the account's rate, on a timer, not on a sleeping
     * thread. The send keeps its permit meanwhile: that is the back-pressure.
     */
    private CompletableFuture<DeliveryResult> retryAfterBackoff(
            ConnectionId recipient, SdkBytes body, int failedAttempts) {
        long ceilingNanos = settings.backoffCeiling(failedAttempts).toNanos();
        long waitNanos = Math.max(ThreadLocalRandom.current().nextLong(ceilingNanos + 1), pacer.reserve());
        // The JDK's shared delay thread runs the retry itself: it only hands a request to the async client.
        Executor afterWait = CompletableFuture.delayedExecutor(waitNanos, TimeUnit.NANOSECONDS, Runnable::run);
        return CompletableFuture.supplyAsync(() -> attempt(recipient, body, failedAttempts + 1), afterWait)
                .thenCompose(Function.identity());
    }
}
