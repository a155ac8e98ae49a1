package dev.parley.chat.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.jr.ob.JSON;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.InvalidMessageTextException;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.port.in.BroadcastCommand;
import dev.parley.chat.domain.port.in.SendMessageCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The strict reader of what clients send: the JSON object of each WebSocket frame, and the body of the broadcast
 * endpoint. Anything it cannot accept is an {@link InvalidFrameException} saying why. The domain knows none of it.
 */
public final class FrameReader {

    /** The field of the original tutorial's frame {@code {"action":"sendMessage","Message":"hi"}}. */
    static final String MESSAGE_FIELD = "Message";
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /**
     * Parley's frames are flat objects; the limit keeps a hostile frame (API Gateway lets 128 KB of {@code [} through)
     * from costing more than a glance, and names the problem instead of a parser's internals.
     */
    static final int MAX_NESTING_DEPTH = 32;

    private final JSON json = JSON.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
            .build()).build();

    public FrameReader() {}

    /** The fields of a frame, which must be a JSON object. */
    public Map<String, Object> frame(String text) throws InvalidFrameException {
        return object(text);
    }

    /**
     * The frame's optional {@code clientId}: the client's own name for the message, echoed in the answer. Only
     * 1 to 64 characters of A-Z a-z 0-9 _ - are echoed; anything else is ignored, as an absent one is.
     */
    public Optional<String> clientId(Map<String, Object> frame) {
        return frame.get(FieldNames.CLIENT_ID) instanceof String id && CLIENT_ID.matcher(id).matches()
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
        return new BroadcastCommand(text(object(body), FieldNames.MESSAGE));
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
            return map.values().stream().anyMatch(FrameReader::hasBrokenCharacter);
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(FrameReader::hasBrokenCharacter);
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
}
