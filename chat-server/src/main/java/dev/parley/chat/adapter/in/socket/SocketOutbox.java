package dev.parley.chat.adapter.in.socket;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import org.eclipse.jetty.util.IteratingCallback;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * The frames waiting for one socket, sent one at a time in the order they were offered, and at most {@code capacity}
 * of them: a client that stops reading is refused more instead of filling the heap. Frames offered before the socket
 * opens wait for it; a close asked for goes after every frame offered before it, so nothing acknowledged is lost.
 */
public final class SocketOutbox extends IteratingCallback {

    private final int capacity;
    private final Object lock = new Object();
    private final Queue<String> frames = new ArrayDeque<>();
    private Session session;
    private int closeCode;
    private String closeReason;
    private boolean closeSent;

    SocketOutbox(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("an outbox holds at least one frame, not " + capacity);
        }
        this.capacity = capacity;
    }

    /** Queues {@code texts} whole, or none of them when they do not fit or the socket is closing. */
    public boolean offer(List<String> texts) {
        synchronized (lock) {
            if (closeCode != 0 || frames.size() + texts.size() > capacity) {
                return false;
            }
            frames.addAll(texts);
        }
        iterate();
        return true;
    }

    /** How many frames this outbox holds at most. */
    public int capacity() {
        return capacity;
    }

    void open(Session opened) {
        synchronized (lock) {
            session = opened;
        }
        iterate();
    }

    /** Closes the socket with {@code code} once every frame offered so far is sent. */
    void closeWhenSent(int code, String reason) {
        synchronized (lock) {
            if (closeCode == 0) {
                closeCode = code;
                closeReason = reason;
            }
        }
        iterate();
    }

    @Override
    protected Action process() {
        Session open;
        String next;
        boolean close = false;
        synchronized (lock) {
            open = session;
            if (open == null) {
                return Action.IDLE;
            }
            next = frames.poll();
            if (next == null && closeCode != 0 && !closeSent) {
                closeSent = true;
                close = true;
            }
        }
        if (close) {
            open.close(closeCode, closeReason, Callback.from(this::succeeded, this::failed));
            return Action.SCHEDULED;
        }
        if (next == null) {
            return Action.IDLE;
        }
        open.sendText(next, Callback.from(this::succeeded, this::failed));
        return Action.SCHEDULED;
    }

    @Override
    protected void onCompleteFailure(Throwable cause) {
        // The socket broke: what still waits can never be sent; the close that follows ends the connection.
        synchronized (lock) {
            frames.clear();
        }
    }
}
