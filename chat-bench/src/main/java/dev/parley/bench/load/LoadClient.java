package dev.parley.bench.load;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One chat client of a run: sends its numbered messages, one frame at a time, and enters every frame it receives in
 * its {@link Ledger}, timing deliveries and acknowledgements in the shared {@link Traffic}.
 */
public final class LoadClient extends TextFrameListener {

    private final Ledger ledger;
    private final Traffic traffic;
    private volatile boolean closing;
    /** The latest send: java.net.http allows one text frame in flight per socket, so each send waits for it. */
    private CompletableFuture<WebSocket> lastSend;

    LoadClient(Ledger ledger, Traffic traffic) {
        this.ledger = ledger;
        this.traffic = traffic;
    }

    public Ledger ledger() {
        return ledger;
    }

    /** Once connected. */
    void connected(WebSocket socket) {
        synchronized (this) {
            lastSend = CompletableFuture.completedFuture(socket);
        }
    }

    /** Sends the next message, stamped now. */
    public synchronized void send() {
        var message = new LoadMessage(ledger.self(), ledger.nextSequence(), traffic.elapsedNanos());
        lastSend = lastSend.thenCompose(socket -> socket.sendText(message.frame(), true));
        lastSend.whenComplete((socket, failure) -> {
            if (failure != null) {
                ledger.sendFailed(failure);
            }
        });
    }

    /** Closes the connection normally, once every send is out; what ends it from now on is expected. */
    synchronized CompletableFuture<WebSocket> close() {
        closing = true;
        if (lastSend == null) {
            return CompletableFuture.completedFuture(null);
        }
        return lastSend.thenCompose(socket -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "load run over"));
    }

    @Override
    protected void text(String frame) {
        Map<String, Object> fields;
        try {
            fields = JSON.std.mapFrom(frame);
        } catch (IOException notJson) {
            ledger.unexpected(frame);
            return;
        }
        switch (String.valueOf(fields.get("type"))) {
            case "message" -> LoadMessage.fromText(String.valueOf(fields.get("message"))).ifPresentOrElse(message -> {
                ledger.received(message);
                traffic.delivered(message);
            }, () -> ledger.unexpected(frame));
            case "ack" -> acknowledged(frame, fields);
            case "error" -> ledger.errorFrame(frame);
            // Every client is in the lobby, which hears of each arrival and departure: not part of the load measured.
            case "presence" -> { }
            default -> ledger.unexpected(frame);
        }
    }

    private void acknowledged(String frame, Map<String, Object> fields) {
        Optional<LoadMessage> message = LoadMessage.fromClientId(String.valueOf(fields.get("clientId")));
        if (message.isEmpty() || !(fields.get("recipients") instanceof Number recipients)) {
            ledger.unexpected(frame);
            return;
        }
        ledger.acknowledged(message.get(), recipients.intValue());
        traffic.acknowledged(message.get());
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
        ledger.unexpected("a binary frame of " + data.remaining() + " bytes");
        socket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
        if (!closing) {
            ledger.closedUnexpectedly("closed by the gateway: " + statusCode + " " + reason);
        }
        return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
        if (!closing) {
            ledger.closedUnexpectedly("connection failed: " + error);
        }
    }
}
