package dev.parley.chat.adapter.in.socket;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.UserId;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One client's socket. Jetty hands it one frame at a time, so a connection's frames are answered in the order sent;
 * every answer and every message for it leaves through its {@link SocketOutbox}.
 */
public final class ChatSocket implements Session.Listener.AutoDemanding {

    private final ConnectionId id;
    private final Optional<UserId> user;
    private final ChatSockets sockets;
    private final SocketOutbox outbox;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    ChatSocket(ConnectionId id, Optional<UserId> user, ChatSockets sockets, int outboxCapacity) {
        this.id = id;
        this.user = user;
        this.sockets = sockets;
        this.outbox = new SocketOutbox(outboxCapacity);
    }

    ConnectionId id() {
        return id;
    }

    Optional<UserId> user() {
        return user;
    }

    SocketOutbox outbox() {
        return outbox;
    }

    /** Completes once the socket is closed and its disconnection recorded. */
    CompletableFuture<Void> closed() {
        return closed;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        outbox.open(session);
        sockets.opened(this);
    }

    @Override
    public void onWebSocketText(String text) {
        sockets.reply(this, sockets.answer(this, text));
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        callback.succeed();
        sockets.reply(this, sockets.answerBinary(this));
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        try {
            sockets.ended(this, statusCode, reason);
        } finally {
            closed.complete(null);
        }
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        sockets.failed(this, cause);
    }
}
