package dev.parley.chat.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.jr.ob.JSON;
import dev.parley.chat.domain.model.ClientMessageId;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.Epoch;
import dev.parley.chat.domain.model.HistoryPage;
import dev.parley.chat.domain.model.HistoryPosition;
import dev.parley.chat.domain.model.InvalidMessageTextException;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.port.in.BroadcastCommand;
import dev.parley.chat.domain.port.in.HistoryCommand;
import dev.parley.chat.domain.port.in.JoinRoomCommand;
import dev.parley.chat.domain.port.in.LeaveRoomCommand;
import dev.parley.chat.domain.port.in.ListMembersCommand;
import dev.parley.chat.domain.port.in.SendMessageCommand.Addressee;
import dev.parley.chat.domain.port.in.SendMessageCommand;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The strict reader of what clients send: the JSON object of each WebSocket frame, and the body of the broadcast
 * endpoint. Anything it cannot accept is an {@link InvalidFrameException} saying why. The domain knows none of it.
 */
public final class FrameReader {

    /** The field of the original tutorial's frame {@code {"action":"sendMessage","Message":"hi"}}. */
    static final String MESSAGE_FIELD = "Message";
    private static final String TO_FIELD = "to";
    private static final String TO_USER_FIELD = "toUser";
    private static final String CURSOR_FIELD = "cursor";
    private static final String SINCE_FIELD = "since";
    private static final String EPOCH_FIELD = "epoch";
    private static final String SEQ_FIELD = "seq";
    private static final String BEFORE_FIELD = "before";
    private static final String LIMIT_FIELD = "limit";
    /** How many messages a {@code history} request without {@code limit} gets. */
    static final int DEFAULT_HISTORY_LIMIT = 50;
    /** The largest whole number every JSON reader holds exactly (JavaScript's Number.MAX_SAFE_INTEGER). */
    static final long MAX_SEQ = (1L << 53) - 1;
    /** Far longer than any cursor Parley gives; bounds what a hostile one costs to look at. */
    static final int MAX_CURSOR_LENGTH = 512;
    /**
     * Parley's frames are flat objects; the limit keeps a hostile frame (API Gateway lets 128 KB of {@code [} through)
     * from costing more than a glance, and names the problem instead of a parser's internals.
     */
    static final int MAX_NESTING_DEPTH = 32;

    private static final Pattern BROADCAST_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

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
        return frame.get(FieldNames.CLIENT_ID) instanceof String id && ClientMessageId.isValid(id)
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

    /**
     * Reads {@code {"action":"sendMessage","Message":"hi"}} with at most one addressee: {@code "room"} (a room the
     * sender is in), {@code "to"} (a connection) or {@code "toUser"} (every connection of a user); with none, the
     * lobby. A field given as {@code null} is given, and wrong: a client that meant a direct message or a room must
     * not reach the whole lobby by mistake.
     */
    public SendMessageCommand sendMessage(ConnectionId sender, Map<String, Object> fields) throws InvalidFrameException {
        MessageText text = text(fields, MESSAGE_FIELD);
        return new SendMessageCommand(sender, text, addressee(fields), requestId(fields));
    }

    /**
     * Reads {@code {"action":"join","room":"design"}}, with the optional {@code "since":{"epoch":"E","seq":41}}: the
     * last place in the room's history the client has seen.
     */
    public JoinRoomCommand join(ConnectionId connection, Map<String, Object> fields) throws InvalidFrameException {
        RoomName room = room(fields.get(FieldNames.ROOM));
        return new JoinRoomCommand(connection, room,
                fields.containsKey(SINCE_FIELD) ? Optional.of(since(fields.get(SINCE_FIELD))) : Optional.empty(),
                requestId(fields));
    }

    /**
     * Reads {@code {"action":"history","room":"design","before":812,"limit":50}}: {@code before} (a seq) and
     * {@code limit} (1 to 100, {@value #DEFAULT_HISTORY_LIMIT} when absent) are optional.
     */
    public HistoryCommand history(ConnectionId connection, Map<String, Object> fields) throws InvalidFrameException {
        RoomName room = room(fields.get(FieldNames.ROOM));
        OptionalLong before = OptionalLong.empty();
        if (fields.containsKey(BEFORE_FIELD)) {
            before = OptionalLong.of(wholeNumber(fields.get(BEFORE_FIELD), 1, MAX_SEQ).orElseThrow(() ->
                    new InvalidFrameException(ErrorCode.INVALID_PAGE, "'" + BEFORE_FIELD + "' must be a seq: a whole"
                            + " number from 1 to " + MAX_SEQ)));
        }
        int limit = DEFAULT_HISTORY_LIMIT;
        if (fields.containsKey(LIMIT_FIELD)) {
            limit = (int) wholeNumber(fields.get(LIMIT_FIELD), 1, HistoryPage.MAX_MESSAGES).orElseThrow(() ->
                    new InvalidFrameException(ErrorCode.INVALID_PAGE, "'" + LIMIT_FIELD + "' must be a whole number"
                            + " from 1 to " + HistoryPage.MAX_MESSAGES));
        }
        return new HistoryCommand(connection, room, before, limit, requestId(fields));
    }

    private static HistoryPosition since(Object value) throws InvalidFrameException {
        if (value instanceof Map<?, ?> since && since.size() == 2
                && since.get(EPOCH_FIELD) instanceof String epoch && Epoch.isValid(epoch)) {
            OptionalLong seq = wholeNumber(since.get(SEQ_FIELD), 0, MAX_SEQ);
            if (seq.isPresent()) {
                return new HistoryPosition(new Epoch(epoch), seq.getAsLong());
            }
        }
        throw new InvalidFrameException(ErrorCode.INVALID_SINCE, "'" + SINCE_FIELD + "' must be the last place in the"
                + " room's history you have seen, {\"" + EPOCH_FIELD + "\":\"<epoch of joined>\",\"" + SEQ_FIELD
                + "\":<seq, 0 to " + MAX_SEQ + ">}, and nothing else");
    }

    /** A JSON integer from {@code min} to {@code max}; 41.0, "41" and the like are not. */
    private static OptionalLong wholeNumber(Object value, long min, long max) {
        if (value instanceof Integer || value instanceof Long) {
            long number = ((Number) value).longValue();
            if (number >= min && number <= max) {
                return OptionalLong.of(number);
            }
        }
        return OptionalLong.empty();
    }

    /** The frame's {@code clientId}, as {@link #clientId} reads it: the client's own id of the frame. */
    private Optional<ClientMessageId> requestId(Map<String, Object> fields) {
        return clientId(fields).map(ClientMessageId::new);
    }

    /** Reads {@code {"action":"leave","room":"design"}}. */
    public LeaveRoomCommand leave(ConnectionId connection, Map<String, Object> fields) throws InvalidFrameException {
        return new LeaveRoomCommand(connection, room(fields.get(FieldNames.ROOM)));
    }

    /** Reads {@code {"action":"members","room":"design"}}, with the optional {@code "cursor"} of the page before. */
    public ListMembersCommand members(ConnectionId connection, Map<String, Object> fields) throws InvalidFrameException {
        RoomName room = room(fields.get(FieldNames.ROOM));
        Optional<String> cursor;
        if (!fields.containsKey(CURSOR_FIELD)) {
            cursor = Optional.empty();
        } else if (fields.get(CURSOR_FIELD) instanceof String given && !given.isEmpty()
                && given.codePointCount(0, given.length()) <= MAX_CURSOR_LENGTH) {
            cursor = Optional.of(given);
        } else {
            throw new InvalidFrameException(ErrorCode.INVALID_CURSOR, "'" + CURSOR_FIELD + "' must be the cursor of the"
                    + " page before: a string of 1 to " + MAX_CURSOR_LENGTH + " characters");
        }
        return new ListMembersCommand(connection, room, cursor);
    }

    /** Reads the broadcast endpoint's body {@code {"message":"..."}}, with an optional {@code "room"}. */
    public BroadcastCommand broadcastRequest(String body) throws InvalidFrameException {
        Map<String, Object> fields = object(body);
        MessageText text = text(fields, FieldNames.MESSAGE);
        return new BroadcastCommand(text, fields.containsKey(FieldNames.ROOM)
                ? Optional.of(room(fields.get(FieldNames.ROOM)))
                : Optional.empty());
    }

    /** Reads the broadcast endpoint's body as it came, bytes that must be UTF-8: see {@link #broadcastRequest(String)}. */
    public BroadcastCommand broadcastRequest(byte[] body) throws InvalidFrameException {
        return broadcastRequest(strictUtf8(body));
    }

    private static String strictUtf8(byte[] bytes) throws InvalidFrameException {
        try {
            // Strict: a lenient decoder would turn bad bytes into U+FFFD and broadcast the mojibake
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw new InvalidFrameException(ErrorCode.INVALID_JSON, "the body is not UTF-8 text");
        }
    }

    /** The id in a broadcast's status URL: a UUID as Parley writes it, lower case with hyphens. */
    public MessageId broadcastId(String text) throws InvalidFrameException {
        if (text != null && BROADCAST_ID.matcher(text).matches()) {
            return new MessageId(UUID.fromString(text));
        }
        throw new InvalidFrameException(ErrorCode.INVALID_BROADCAST_ID,
                "the broadcast id must be the broadcastId a queued broadcast was answered with (a UUID)");
    }

    private static Addressee addressee(Map<String, Object> fields) throws InvalidFrameException {
        boolean toRoom = fields.containsKey(FieldNames.ROOM);
        boolean toConnection = fields.containsKey(TO_FIELD);
        boolean toUser = fields.containsKey(TO_USER_FIELD);
        if (toRoom && (toConnection || toUser)) {
            throw new InvalidFrameException(ErrorCode.INVALID_ROOM, "a direct message has no room: give '"
                    + FieldNames.ROOM + "', '" + TO_FIELD + "' or '" + TO_USER_FIELD + "', only one of them");
        }
        if (toConnection && toUser) {
            throw new InvalidFrameException(ErrorCode.UNKNOWN_RECIPIENT, "give '" + TO_FIELD + "' (a connection) or '"
                    + TO_USER_FIELD + "' (a user), not both");
        }
        if (toConnection) {
            if (fields.get(TO_FIELD) instanceof String id && ConnectionId.isValid(id)) {
                return new SendMessageCommand.ToConnection(new ConnectionId(id));
            }
            throw new InvalidFrameException(ErrorCode.UNKNOWN_RECIPIENT,
                    "'" + TO_FIELD + "' must be the connection id of a connected client");
        }
        if (toUser) {
            return new SendMessageCommand.ToUser(userId(fields.get(TO_USER_FIELD)));
        }
        return new SendMessageCommand.ToRoom(toRoom ? room(fields.get(FieldNames.ROOM)) : RoomName.LOBBY);
    }

    private static UserId userId(Object value) throws InvalidFrameException {
        if (value instanceof String id) {
            try {
                return new UserId(id);
            } catch (IllegalArgumentException notAUserId) {
                // answered below, as a value of the wrong type is
            }
        }
        throw new InvalidFrameException(ErrorCode.UNKNOWN_RECIPIENT,
                "'" + TO_USER_FIELD + "' must be the user id of a connected user");
    }

    private static RoomName room(Object value) throws InvalidFrameException {
        if (value instanceof String name && RoomName.isValid(name)) {
            return new RoomName(name);
        }
        throw new InvalidFrameException(ErrorCode.INVALID_ROOM, "'" + FieldNames.ROOM + "' must be a room name: 1 to "
                + RoomName.MAX_LENGTH + " of the characters A-Z a-z 0-9 _ - . :");
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
