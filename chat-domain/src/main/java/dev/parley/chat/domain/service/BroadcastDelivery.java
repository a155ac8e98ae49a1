package dev.parley.chat.domain.service;

import dev.parley.chat.domain.model.BroadcastMessage;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.PageCounts;
import dev.parley.chat.domain.model.PostedText;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.domain.port.out.Deliveries;
import dev.parley.chat.domain.port.out.DeliveryResult.Outcome;
import dev.parley.chat.domain.port.out.MessagePublisher;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Sending a broadcast message to some recipients, inline or one page of a queued broadcast: the audit trail on each
 * connection reached, and the end of each found gone. The recipients go out in chunks, and each chunk's audit trail is
 * written while the next chunks are sent (the writes one after the other, behind the sends, which never wait for
 * them), so a page takes about the longer of its sends and its trail, not their sum; {@link #send} returns only once
 * every chunk's trail is written, and throws if one failed.
 */
final class BroadcastDelivery {

    /** A queued broadcast's chunk: 0.1 s of a worker's sends at its share of the account's rate (ADR 0011). */
    static final int PAGE_CHUNK = 100;
    /**
     * The inline broadcast sends everyone in one publish, then writes the trail: chunks would wait one
     * {@code @connections} round trip each where the account's burst lets all go at once.
     */
    static final int WHOLE = Integer.MAX_VALUE;

    private final ConnectionRegistry registry;
    private final MessagePublisher publisher;
    private final Memberships memberships;
    private final int chunk;

    BroadcastDelivery(ConnectionRegistry registry, MessagePublisher publisher, Memberships memberships, int chunk) {
        if (chunk < 1) {
            throw new IllegalArgumentException("a chunk holds at least one recipient, not " + chunk);
        }
        this.registry = registry;
        this.publisher = publisher;
        this.memberships = memberships;
        this.chunk = chunk;
    }

    /**
     * Sends {@code message} to each recipient; throttled through every retry counts as failed.
     *
     * @throws RuntimeException what an audit trail write threw, once the sends and the other writes ended: the caller
     *                          must not count these recipients as done
     */
    PageCounts send(BroadcastMessage message, PostedText posted, Stream<ConnectionId> recipients) {
        Iterator<Stream<ConnectionId>> chunks = chunks(recipients);
        int delivered = 0;
        int gone = 0;
        int failed = 0;
        ExecutorService writer = Executors.newSingleThreadExecutor(BroadcastDelivery::auditThread);
        CompletableFuture<Void> written = CompletableFuture.completedFuture(null);
        try {
            while (chunks.hasNext()) {
                Deliveries deliveries = publisher.publish(message, chunks.next());
                List<ConnectionId> reached = deliveries.recipients(Outcome.DELIVERED);
                // The trail is written behind the sends, one chunk after the other, and never holds them up: on a
                // store slower than the account's rate (dynalite) the recipients still get their copies at that
                // rate. A write that fails skips the ones queued after it; the page fails uncounted anyway.
                written = written.thenRunAsync(() -> registry.recordBroadcast(reached, posted), writer);
                memberships.goneFrom(deliveries);
                delivered += reached.size();
                gone += deliveries.count(Outcome.GONE);
                failed += deliveries.count(Outcome.FAILED) + deliveries.count(Outcome.THROTTLED);
            }
            written.join();
        } catch (CompletionException writeFailed) {
            throw writeFailed.getCause() instanceof RuntimeException cause ? cause : writeFailed;
        } finally {
            writer.shutdownNow();
        }
        return new PageCounts(delivered, gone, failed);
    }

    /** The recipients in chunks; {@link #WHOLE} keeps the stream as it is, read lazily while it is sent. */
    private Iterator<Stream<ConnectionId>> chunks(Stream<ConnectionId> recipients) {
        if (chunk == WHOLE) {
            return List.of(recipients).iterator();
        }
        Iterator<ConnectionId> remaining = recipients.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return remaining.hasNext();
            }

            @Override
            public Stream<ConnectionId> next() {
                List<ConnectionId> next = new ArrayList<>(chunk);
                while (remaining.hasNext() && next.size() < chunk) {
                    next.add(remaining.next());
                }
                return next.stream();
            }
        };
    }

    private static Thread auditThread(Runnable writes) {
        Thread thread = new Thread(writes, "broadcast-audit-trail");
        thread.setDaemon(true);
        return thread;
    }
}
