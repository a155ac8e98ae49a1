package dev.parley.chat.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.jr.ob.JSON;
import com.fasterxml.jackson.jr.ob.comp.ObjectComposer;
import dev.parley.chat.domain.model.BroadcastMessage;
import dev.parley.chat.domain.model.ChatMessage;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.InvalidMessageTextException;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.OutgoingMessage;
import dev.parley.chat.domain.port.in.BroadcastCommand;
import dev.parley.chat.domain.port.in.BroadcastReport;
import dev.parley.chat.domain.port.in.SendMessageCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parley's wire protocol: one JSON object per WebSocket frame, and the JSON bodies of the broadcast endpoint.
 * The domain knows none of it.
 */
public final class JsonWireFormat {

    /** The field of the original tutorial's frame {@code {"action":"sendMessage","Message":"hi"}}. */
    static final String MESSAGE_FIELD = "Message";
    static final String CLIENT_ID_FIELD = "clientId";
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final long NANOS_PER_MILLI = 1_000_000;
    /**
     * Parley's frames are flat objects; the limit keeps a hostile frame (API Gateway lets 128 KB of {@code [} through)
     * from costing more than a glance, and names the problem instead of a parser's internals.
     */
    static final int MAX_NESTING_DEPTH = 32;

    private final JSON json = JSON.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
            .build()).build();

    public JsonWireFormat() {}

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
    public String chatMessage(ChatMessage message) {
        return compose(object -> object
                .put("type", "message")
                .put("id", message.id().toString())
                .put("from", message.from().value())
                .put("name", message.senderName().value())
                .put("message", message.text().value())
                .put("sentAt", message.sentAt().toString())
                .put("direct", message.direct()));
    }

    /** {@code {"type":"broadcast","id","message","sentAt"}} */
    public String broadcast(BroadcastMessage message) {
        return compose(object -> object
                .put("type", "broadcast")
                .put("id", message.id().toString())
                .put("message", message.text().value())
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

    /** The fields of a frame, which must be a JSON object. */
    public Map<String, Object> frame(String text) throws InvalidFrameException {
        return object(text);
    }

    /**
     * The frame's optional {@code clientId}: the client's own name for the message, echoed in the answer. Only
     * 1 to 64 characters of A-Z a-z 0-9 _ - are echoed; anything else is ignored, as an absent one is.
     */
    public Optional<String> clientId(Map<String, Object> frame) {
        return frame.get(CLIENT_ID_FIELD) instanceof String id && CLIENT_ID.matcher(id).matches()
                ? Optional.of(id)
                : Optional.empty();
    }

    /** The {@code action} of a frame: the value API Gateway selects the route with. */
    public String action(String frame) throws InvalidFrameException {
        Object action = object(frame).get("action");
        if (!(action instanceof String name)) {
            throw new InvalidFrameException(ErrorCode.UNKNOWN_ACTION, "the frame needs a string field 'action'");
        }
        return name;
    }

    /** Reads {@code {"action":"sendMessage","Message":"hi"}}, with an optional {@code "to":"<connectionId>"}. */
    public SendMessageCommand sendMessage(ConnectionId sender, Map<String, Object> fields) throws InvalidFrameException {
        MessageText text = text(fields, MESSAGE_FIELD);
        Object to = fields.get("to");
        Optional<ConnectionId> recipient;
        if (to == null) {
            recipient = Optional.empty();
        } else if (to instanceof String id && ConnectionId.isValid(id)) {
            recipient = Optional.of(new ConnectionId(id));
        } else {
            throw new InvalidFrameException(ErrorCode.UNKNOWN_RECIPIENT, "'to' must be the connection id of a connected client");
        }
        return new SendMessageCommand(sender, text, recipient);
    }

    /** Reads the broadcast endpoint's body {@code {"message":"..."}}. */
    public BroadcastCommand broadcastRequest(String body) throws InvalidFrameException {
        return new BroadcastCommand(text(object(body), "message"));
    }

    /**
     * The body as I-JSON (RFC 7493): exactly one JSON object and nothing after it, nested at most
     * {@value #MAX_NESTING_DEPTH} levels, no name twice (jackson-jr refuses duplicates), and only whole Unicode
     * characters in its strings.
     */
    private Map<String, Object> object(String text) throws InvalidFrameException {
        if (text == null || text.isBlank()) {
            throw new InvalidFrameException(ErrorCode.INVALID_JSON, "the body is empty; a JSON object is expected");
        }
        Object parsed;
        try (JsonParser parser = json.getStreamingFactory().createParser(text)) {
            parsed = onlyValue(parser);
        } catch (IOException | RuntimeException notJson) {
            throw new InvalidFrameException(ErrorCode.INVALID_JSON, "the body is not valid JSON");
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new InvalidFrameException(ErrorCode.INVALID_JSON, "the body must be a JSON object");
        }
        if (hasBrokenCharacter(map)) {
            throw new InvalidFrameException(ErrorCode.INVALID_JSON,
                    "the JSON has an unpaired surrogate escape (such as \\uD800), which is no character");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) map;
        return fields;
    }

    private Object onlyValue(JsonParser parser) throws IOException, InvalidFrameException {
        Object parsed;
        try {
            parsed = json.anyFrom(parser);
        } catch (StreamConstraintsException beyondLimit) {
            throw new InvalidFrameException(ErrorCode.INVALID_JSON,
                    parser.getParsingContext().getNestingDepth() > MAX_NESTING_DEPTH
                            ? "the JSON is nested deeper than " + MAX_NESTING_DEPTH + " levels"
                            : "the JSON has a number or a field name too long to read");
        }
        if (!atEnd(parser)) {
            throw new InvalidFrameException(ErrorCode.INVALID_JSON,
                    "the body must be one JSON object with nothing after it");
        }
        return parsed;
    }

    private static boolean atEnd(JsonParser parser) {
        try {
            return parser.nextToken() == null;
        } catch (IOException notEvenAToken) {
            return false;
        }
    }

    /**
     * Whether a string anywhere in the value holds half a surrogate pair (the parser refuses them in names itself);
     * the parser's nesting limit bounds the recursion.
     */
    private static boolean hasBrokenCharacter(Object value) {
        if (value instanceof String string) {
            return !StandardCharsets.UTF_8.newEncoder().canEncode(string);
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(JsonWireFormat::hasBrokenCharacter);
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(JsonWireFormat::hasBrokenCharacter);
        }
        return false;
    }

    private static MessageText text(Map<String, Object> fields, String field) throws InvalidFrameException {
        if (!(fields.get(field) instanceof String value)) {
            throw new InvalidFrameException(ErrorCode.MISSING_MESSAGE, "'" + field + "' must be a non-empty string");
        }
        try {
            return new MessageText(value);
        } catch (InvalidMessageTextException invalid) {
            ErrorCode code = invalid.violation() == InvalidMessageTextException.Violation.TOO_LARGE
                    ? ErrorCode.MESSAGE_TOO_LARGE
                    : ErrorCode.MISSING_MESSAGE;
            throw new InvalidFrameException(code, "'" + field + "': " + invalid.getMessage());
        }
    }

    private static ObjectComposer<?> withClientId(ObjectComposer<?> object, Optional<String> clientId) throws IOException {
        return clientId.isPresent() ? object.put(CLIENT_ID_FIELD, clientId.get()) : object;
    }

    private interface Fields {
        ObjectComposer<?> fill(ObjectComposer<?> object) throws IOException;
    }

    private String compose(Fields fields) {
        try {
            var composer = json.composeString();
            fields.fill(composer.startObject()).end();
            return composer.finish();
        } catch (IOException impossible) {
            // Writing to a String does no I/O.
            throw new UncheckedIOException(impossible);
        }
    }
}
