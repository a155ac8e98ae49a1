package dev.parley.local.gateway;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One client's WebSocket connection: its socket, its invocations in arrival order, its idle and maximum-duration
 * timers, and what it still has to send. Frames and the end of the connection are handed to the {@link WebSocketApi}.
 * Public only because Jetty calls its listener methods through method handles; nothing else is.
 */
public final class GatewayConnection implements Session.Listener.AutoDemanding {

    static final int NORMAL_CLOSURE = 1000;
    static final int GOING_AWAY = 1001;
    static final String GOING_AWAY_REASON = "Going away";

    /** A client that does not answer a close frame in this time is disconnected. */
    private static final Duration CLOSE_HANDSHAKE_TIMEOUT = Duration.ofSeconds(5);

    private final ConnectionInfo info;
    private final WebSocketApi api;
    private final SerialExecutor invocations;
    private final ScheduledExecutorService scheduler;
    private final ConnectionLimits limits;
    private final Clock clock;
    private final AtomicBoolean ended = new AtomicBoolean();
    /** Set once the gateway started closing: from then on {@code @connections} treats the connection as gone. */
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CompletableFuture<Void> disconnected = new CompletableFuture<>();
    private volatile Session session;
    private volatile Outbox outbox;
    private volatile long lastActiveMillis;
    private ScheduledFuture<?> idleTimer;
    private ScheduledFuture<?> durationTimer;

    GatewayConnection(ConnectionInfo info, WebSocketApi api, SerialExecutor invocations,
            ScheduledExecutorService scheduler, ConnectionLimits limits, Clock clock) {
        this.info = info;
        this.api = api;
        this.invocations = invocations;
        this.scheduler = scheduler;
        this.limits = limits;
        this.clock = clock;
        this.lastActiveMillis = info.connectedAt().toEpochMilli();
    }

    String id() {
        return info.connectionId();
    }

    ConnectionInfo info() {
        return info;
    }

    /** Runs the connection's invocations one at a time, in the order given. */
    SerialExecutor invocations() {
        return invocations;
    }

    Instant lastActiveAt() {
        return Instant.ofEpochMilli(lastActiveMillis);
    }

    /** Completes once the connection has ended and its {@code $disconnect} has run. */
    CompletableFuture<Void> disconnected() {
        return disconnected;
    }

    @Override
    public void onWebSocketOpen(Session openedSession) {
        this.session = openedSession;
        this.outbox = new Outbox(openedSession, WebSocketApi.MAX_FRAME_BYTES);
        startTimers();
        api.opened(this);
    }

    @Override
    public void onWebSocketText(String text) {
        lastActiveMillis = clock.millis();
        api.received(this, text);
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        lastActiveMillis = clock.millis();
        byte[] bytes = new byte[payload.remaining()];
        payload.get(bytes);
        callback.succeed();
        api.receivedBinary(this, bytes);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        // Jetty closes the connection after an error (1009 for an oversized frame, 1006 for a lost one), and the
        // close reports the status on the $disconnect line: nothing to add here.
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        if (ended.compareAndSet(false, true)) {
            stopTimers();
            api.ended(this, statusCode, reason);
        }
    }

    /**
     * Whether the client is so far behind ({@link ConnectionLimits#outboundBufferBytes()} unsent) that
     * {@code @connections} answers 429 to a new message, as API Gateway does for a full buffer.
     */
    boolean bufferFull() {
        return outbox.unsentBytes() > limits.outboundBufferBytes();
    }

    CompletableFuture<Void> sendText(String text) {
        return outbox.sendText(text);
    }

    CompletableFuture<Void> sendBinary(byte[] bytes) {
        return outbox.sendBinary(bytes);
    }

    /** Starts the close handshake; a client that does not answer it is disconnected. */
    void close(int statusCode, String reason) {
        Session open = session;
        if (open == null || ended.get()) {
            return;
        }
        closing.set(true);
        open.close(statusCode, reason, Callback.NOOP);
        scheduler.schedule(() -> {
            if (!ended.get()) {
                open.disconnect();
            }
        }, CLOSE_HANDSHAKE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the gateway has started to close the connection (or it ended): API Gateway answers 410 for it then. */
    boolean closing() {
        return closing.get() || ended.get();
    }

    /** Marks the end of the connection's last invocation, its {@code $disconnect}. */
    void markDisconnected() {
        disconnected.complete(null);
    }

    private synchronized void startTimers() {
        idleTimer = scheduler.schedule(this::checkIdle, limits.idleTimeout().toMillis(), TimeUnit.MILLISECONDS);
        long lived = clock.millis() - info.connectedAt().toEpochMilli();
        durationTimer = scheduler.schedule(() -> close(GOING_AWAY, GOING_AWAY_REASON),
                limits.maxDuration().toMillis() - lived, TimeUnit.MILLISECONDS);
    }

    private synchronized void checkIdle() {
        if (ended.get()) {
            return;
        }
        long idleMillis = clock.millis() - lastActiveMillis;
        long timeoutMillis = limits.idleTimeout().toMillis();
        if (idleMillis >= timeoutMillis) {
            close(GOING_AWAY, GOING_AWAY_REASON);
        } else {
            idleTimer = scheduler.schedule(this::checkIdle, timeoutMillis - idleMillis, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void stopTimers() {
        if (idleTimer != null) {
            idleTimer.cancel(false);
            durationTimer.cancel(false);
        }
    }

    @Override
    public String toString() {
        return "connection " + id();
    }
}
