package dev.parley.local.gateway;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.util.IteratingCallback;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * The messages on their way to one client, sent one after the other in frames of at most 32 KB, as API Gateway
 * sends them. Jetty refuses larger outgoing frames once it refuses them from clients, and the fragments of two
 * messages must not interleave: hence one message at a time, whoever sends it.
 */
final class Outbox {

    private final Session session;
    private final int maxFrameBytes;
    private final Queue<Outgoing> queue = new ArrayDeque<>();
    private final AtomicLong unsentBytes = new AtomicLong();
    private final Pump pump = new Pump();
    private Throwable failure;

    Outbox(Session session, int maxFrameBytes) {
        this.session = session;
        this.maxFrameBytes = maxFrameBytes;
    }

    /** How many bytes are queued or being written. */
    long unsentBytes() {
        return unsentBytes.get();
    }

    CompletableFuture<Void> sendText(String text) {
        return enqueue(new Outgoing(textFragments(text), text.getBytes(StandardCharsets.UTF_8).length));
    }

    CompletableFuture<Void> sendBinary(byte[] bytes) {
        List<Fragment> fragments = new ArrayList<>();
        int start = 0;
        do {
            ByteBuffer piece = ByteBuffer.wrap(bytes, start, Math.min(maxFrameBytes, bytes.length - start)).slice();
            fragments.add((last, callback) -> session.sendPartialBinary(piece, last, callback));
            start += piece.remaining();
        } while (start < bytes.length);
        return enqueue(new Outgoing(fragments, bytes.length));
    }

    private CompletableFuture<Void> enqueue(Outgoing message) {
        synchronized (this) {
            if (failure != null) {
                return CompletableFuture.failedFuture(failure);
            }
            queue.add(message);
        }
        unsentBytes.addAndGet(message.bytes);
        CompletableFuture<Void> sent = message.sent.whenComplete((done, failed) -> unsentBytes.addAndGet(-message.bytes));
        pump.iterate();
        return sent;
    }

    /** Splits text into pieces of at most {@code maxFrameBytes} in UTF-8, never inside a character. */
    private List<Fragment> textFragments(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        int bytes = 0;
        for (int index = 0; index < text.length(); ) {
            int codePoint = text.codePointAt(index);
            int size = utf8Length(codePoint);
            if (bytes + size > maxFrameBytes) {
                pieces.add(text.substring(start, index));
                start = index;
                bytes = 0;
            }
            bytes += size;
            index += Character.charCount(codePoint);
        }
        pieces.add(text.substring(start));
        List<Fragment> fragments = new ArrayList<>();
        pieces.forEach(piece -> fragments.add((last, callback) -> session.sendPartialText(piece, last, callback)));
        return fragments;
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }

    /** One frame of a message. */
    @FunctionalInterface
    private interface Fragment {
        void send(boolean last, Callback callback);
    }

    /** One message: its frames, its size, and when it is sent. */
    private static final class Outgoing {

        final List<Fragment> fragments;
        final long bytes;
        final CompletableFuture<Void> sent = new CompletableFuture<>();

        Outgoing(List<Fragment> fragments, long bytes) {
            this.fragments = fragments;
            this.bytes = bytes;
        }
    }

    /**
     * Sends frame after frame; Jetty's iterating callback keeps writes that complete at once from recursing. After a
     * failed write the connection is broken: every waiting message fails too.
     */
    private final class Pump extends IteratingCallback {

        private Outgoing current;
        private int nextFragment;

        @Override
        protected Action process() {
            if (current != null && nextFragment == current.fragments.size()) {
                current.sent.complete(null);
                current = null;
            }
            if (current == null) {
                synchronized (Outbox.this) {
                    current = queue.poll();
                }
                if (current == null) {
                    return Action.IDLE;
                }
                nextFragment = 0;
            }
            Fragment fragment = current.fragments.get(nextFragment++);
            fragment.send(nextFragment == current.fragments.size(), Callback.from(this::succeeded, this::failed));
            return Action.SCHEDULED;
        }

        @Override
        protected void onCompleteFailure(Throwable cause) {
            List<Outgoing> abandoned;
            synchronized (Outbox.this) {
                failure = cause;
                abandoned = new ArrayList<>(queue);
                queue.clear();
            }
            if (current != null) {
                current.sent.completeExceptionally(cause);
            }
            abandoned.forEach(message -> message.sent.completeExceptionally(cause));
        }
    }
}
