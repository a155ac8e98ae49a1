package dev.parley.chat.protocol;

import com.fasterxml.jackson.jr.ob.JSON;
import com.fasterxml.jackson.jr.ob.comp.ObjectComposer;
import dev.parley.chat.domain.model.BroadcastMessage;
import dev.parley.chat.domain.model.ChatMessage;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.OutgoingMessage;
import dev.parley.chat.domain.port.in.BroadcastReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The writer of everything Parley sends: one JSON object per WebSocket frame (messages and broadcasts to their
 * recipients, acknowledgements, pongs and errors to the sender), and the broadcast endpoint's report and error bodies.
 */
public final class FrameWriter {

    private static final long NANOS_PER_MILLI = 1_000_000;

    public FrameWriter() {}

    /** The bytes every recipient of {@code message} receives. */
    public byte[] encode(OutgoingMessage message) {
        String frame;
        if (message instanceof ChatMessage chat) {
            frame = chatMessage(chat);
        } else if (message instanceof BroadcastMessage broadcast) {
            frame = broadcast(broadcast);
        } else {
            throw new IllegalArgumentException("no frame for " + message.getClass());
        }
        return frame.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code {"type":"message","id","from","name","message","sentAt","direct"}} */
    private static String chatMessage(ChatMessage message) {
        return compose(object -> object
                .put("type", "message")
                .put("id", message.id().toString())
                .put("from", message.from().value())
                .put("name", message.senderName().value())
                .put(FieldNames.MESSAGE, message.text().value())
                .put("sentAt", message.sentAt().toString())
                .put("direct", message.direct()));
    }

    /** {@code {"type":"broadcast","id","message","sentAt"}} */
    private static String broadcast(BroadcastMessage message) {
        return compose(object -> object
                .put("type", "broadcast")
                .put("id", message.id().toString())
                .put(FieldNames.MESSAGE, message.text().value())
                .put("sentAt", message.sentAt().toString()));
    }

    /**
     * {@code {"type":"ack","id","recipients"}}: the sender's answer to a message that was sent, with the frame's
     * {@code clientId} when it had one, so a client can match answers that arrive out of order.
     */
    public String ack(MessageId id, int recipients, Optional<String> clientId) {
        return compose(object -> withClientId(object
                .put("type", "ack")
                .put("id", id.toString())
                .put("recipients", recipients), clientId));
    }

    /** {@code {"type":"pong"}}: the answer to the keep-alive action {@code ping}. */
    public String pong() {
        return compose(object -> object.put("type", "pong"));
    }

    /** {@code {"type":"error","code","message"}}, as a frame and as the body of an HTTP error. */
    public String error(ErrorCode code, String message) {
        return error(code, message, Optional.empty());
    }

    /** An error frame answering a frame that carried a {@code clientId}. */
    public String error(ErrorCode code, String message, Optional<String> clientId) {
        return compose(object -> withClientId(object
                .put("type", "error")
                .put("code", code.name())
                .put("message", message), clientId));
    }

    /**
     * {@code {"type":"error","code":"RATE_LIMITED","message","retryAfterMs"}}: the answer to a message over the
     * sender's rate, with the whole milliseconds (rounded up) until the next one will be accepted.
     */
    public String rateLimited(Duration retryAfter, Optional<String> clientId) {
        long retryAfterMs = retryAfter.plusNanos(NANOS_PER_MILLI - 1).toMillis();
        return compose(object -> withClientId(object
                .put("type", "error")
                .put("code", ErrorCode.RATE_LIMITED.name())
                .put("message", "too many messages at once: this one was not sent; send it again in "
                        + retryAfterMs + " ms")
                .put("retryAfterMs", retryAfterMs), clientId));
    }

    /** {@code {"broadcastId","attempted","delivered","gone","failed"}} */
    public String broadcastReport(BroadcastReport report) {
        return compose(object -> object
                .put("broadcastId", report.broadcastId().toString())
                .put("attempted", report.attempted())
                .put("delivered", report.delivered())
                .put("gone", report.gone())
                .put("failed", report.failed()));
    }

    private static ObjectComposer<?> withClientId(ObjectComposer<?> object, Optional<String> clientId) throws IOException {
        return clientId.isPresent() ? object.put(FieldNames.CLIENT_ID, clientId.get()) : object;
    }

    private interface Fields {
        ObjectComposer<?> fill(ObjectComposer<?> object) throws IOException;
    }

    private static String compose(Fields fields) {
        try {
            var composer = JSON.std.composeString();
            fields.fill(composer.startObject()).end();
            return composer.finish();
        } catch (IOException impossible) {
            // Writing to a String does no I/O.
            throw new UncheckedIOException(impossible);
        }
    }
}
