package dev.parley.local;

import static dev.parley.local.ParleyCalls.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.auth.Principal;
import dev.parley.chat.auth.SigningKey;
import dev.parley.chat.auth.TokenIssuer;
import dev.parley.chat.auth.Role;
import dev.parley.chat.auth.TokenRules;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.RoomAccess;
import dev.parley.chat.domain.model.UserId;
import dev.parley.local.gateway.RawHttp;
import dev.parley.local.gateway.RawWebSocket;
import dev.parley.local.gateway.TestClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every kind of bad input a client can send, through the whole local stack on dynalite: each is answered as the
 * README's "Wire protocol" section says, the connection survives wherever API Gateway keeps it (a ping still gets its
 * pong), nobody else receives anything, and the table, read with a plain Scan before and after, is unchanged.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostileInputEndToEndTest {

    private static final String TABLE = "chatDetails-hostile";
    private static final String PING = "{\"action\":\"ping\"}";
    private static final int BINARY = 0x2;
    private static final String TOO_DEEP = "nested deeper than 32 levels";
    private static final String NOT_BINARY = "binary frames are not accepted";
    private static final String ROOM_NAME = "'room' must be a room name: 1 to 64 of the characters A-Z a-z 0-9 _ - . :";
    private static final String CURSOR = "'cursor' must be the cursor of the page before: a string of 1 to 512 characters";
    /** What {@code $disconnect} writes or removes: all that may change in the row of a connection the gateway closed. */
    private static final Set<String> DISCONNECT_ATTRIBUTES = Set.of("DisconnectTime", "DisconnectReason", "ActiveShard",
            "ExpiresAt", "Rooms");
    /** Small enough that no frame reaches API Gateway's 32 KB, whatever the characters. */
    private static final int CHARACTERS_PER_FRAME = 8 * 1024;
    /** How {@link #snapshot()} names the rooms table's items: no connection id has a space. */
    private static final String ROOM_ITEM = "chatRooms ";
    /** How {@link #snapshot()} names the history table's items. */
    private static final String HISTORY_ITEM = "chatHistory ";
    private static final String SINCE = "'since' must be the last place in the room's history you have seen";
    private static final String BEFORE = "'before' must be a seq: a whole number from 1 to 9007199254740991";
    private static final String LIMIT = "'limit' must be a whole number from 1 to 100";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TestClient.WAIT).build();
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private static final String GUARDED_TABLE = "chatDetails-hostile-guarded";
    private static final String DETACHED_TABLE = "chatDetails-hostile-detached";
    private static final String SECRET = "hostile-input-signing-secret-0123456789-abcdef";
    private static final String ADMIN_KEY = "hostile-input-admin-key-0123456789";

    private static LocalDynamoDb dynalite;
    private static ParleyLocal parley;
    private static ChatRows rows;
    /** With authorization on, as deployed: the authorizer on $connect, the admin key on broadcast and @connections. */
    private static ParleyLocal guarded;
    private static ChatRows guardedRows;
    /** REQUIRE_AUTH on but no authorizer, as a deployment whose authorizer was detached from $connect. */
    private static ParleyLocal detached;
    private static ChatRows detachedRows;

    /** The clients a test joined, by connection id: all of them leave, and are seen to, before the next test. */
    private final Map<String, TestClient> joined = new LinkedHashMap<>();
    private TestClient sender;
    private TestClient bystander;

    @BeforeAll
    static void startParley() {
        dynalite = LocalDynamoDb.start();
        parley = ParleyLocal.start(LocalOptions.parse("--port", "0", "--dynamodb-endpoint", dynalite.endpoint().toString(),
                "--table", TABLE));
        rows = new ChatRows(dynalite.client(), TABLE);
        guarded = ParleyLocal.start(LocalOptions.parse("--port", "0", "--dynamodb-endpoint",
                dynalite.endpoint().toString(), "--table", GUARDED_TABLE, "--auth-secret", SECRET, "--admin-key", ADMIN_KEY));
        guardedRows = new ChatRows(dynalite.client(), GUARDED_TABLE);
        detached = ParleyLocal.start(LocalOptions.parse("--port", "0", "--dynamodb-endpoint",
                dynalite.endpoint().toString(), "--table", DETACHED_TABLE, "--require-auth", "true"));
        detachedRows = new ChatRows(dynalite.client(), DETACHED_TABLE);
    }

    @AfterAll
    static void stopParley() {
        detached.close();
        guarded.close();
        parley.close();
        dynalite.close();
    }

    @BeforeEach
    void joinSenderAndBystander() {
        sender = join("Ann");
        bystander = join("Bob");
    }

    /** Their {@code $disconnect} writes land now, not in the middle of the next test's before and after. */
    @AfterEach
    void leaveAndAwaitDisconnects() throws InterruptedException {
        for (Map.Entry<String, TestClient> client : joined.entrySet()) {
            if (!client.getValue().isClosed()) {
                client.getValue().close();
            }
            rows.awaitEnded(client.getKey());
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("framesAnsweredWithAnError")
    void givenConnectedClients_badFrame_isAnsweredWithItsErrorAndChangesNothing(BadFrame badFrame, String code,
            String words) {
        Map<String, Map<String, AttributeValue>> before = snapshot();

        badFrame.sendWith(sender);

        Map<String, Object> answer = json(sender.next());
        assertThat(answer).containsEntry("type", "error").containsEntry("code", code);
        assertThat((String) answer.get("message")).contains(words);
        assertStillConnectedAndGotNothingElse(sender);
        assertStillConnectedAndGotNothingElse(bystander);
        assertThat(snapshot()).isEqualTo(before);
    }

    static Stream<Arguments> framesAnsweredWithAnError() {
        String nestedFrame = "{\"action\":\"sendMessage\",\"Message\":\"hi\",\"x\":" + "[".repeat(33) + "]".repeat(33) + "}";
        return Stream.of(
                // Not JSON at all, or not only JSON
                answer("plain text", text("hello, is this thing on?"), "INVALID_JSON", "not valid JSON"),
                answer("empty text frame", text(""), "INVALID_JSON", "empty"),
                answer("white space", text(" \n\t "), "INVALID_JSON", "empty"),
                answer("truncated JSON", text("{\"action\":\"sendMessage\",\"Message\":\"hi\""), "INVALID_JSON",
                        "not valid JSON"),
                answer("single quotes", text("{'action':'sendMessage','Message':'hi'}"), "INVALID_JSON", "not valid JSON"),
                answer("NaN", text("{\"action\":\"sendMessage\",\"Message\":NaN}"), "INVALID_JSON", "not valid JSON"),
                answer("a valid frame and more", text("{\"action\":\"sendMessage\",\"Message\":\"hi\"} and more"),
                        "INVALID_JSON", "nothing after it"),
                answer("two frames in one", text("{\"action\":\"sendMessage\",\"Message\":\"one\"}"
                        + "{\"action\":\"sendMessage\",\"Message\":\"two\"}"), "INVALID_JSON", "nothing after it"),
                answer("Message given twice", text("{\"action\":\"sendMessage\",\"Message\":\"a\",\"Message\":\"b\"}"),
                        "INVALID_JSON", "not valid JSON"),
                // JSON, but not an object
                answer("array", text("[\"sendMessage\",\"hi\"]"), "INVALID_JSON", "must be a JSON object"),
                answer("string", text("\"sendMessage\""), "INVALID_JSON", "must be a JSON object"),
                answer("number", text("42"), "INVALID_JSON", "must be a JSON object"),
                answer("null", text("null"), "INVALID_JSON", "must be a JSON object"),
                answer("true", text("true"), "INVALID_JSON", "must be a JSON object"),
                // action
                answer("action missing", text("{\"Message\":\"hi\"}"), "UNKNOWN_ACTION", "'action'"),
                answer("action a number", text("{\"action\":42,\"Message\":\"hi\"}"), "UNKNOWN_ACTION", "'action'"),
                answer("action null", text("{\"action\":null,\"Message\":\"hi\"}"), "UNKNOWN_ACTION", "'action'"),
                answer("action an object", text("{\"action\":{\"name\":\"sendMessage\"},\"Message\":\"hi\"}"),
                        "UNKNOWN_ACTION", "'action'"),
                answer("action unknown", text("{\"action\":\"shout\",\"Message\":\"hi\"}"), "UNKNOWN_ACTION", "'shout'"),
                answer("action in the wrong case", text("{\"action\":\"sendmessage\",\"Message\":\"hi\"}"),
                        "UNKNOWN_ACTION", "'sendmessage'"),
                answer("action with a space", text("{\"action\":\" sendMessage\",\"Message\":\"hi\"}"),
                        "UNKNOWN_ACTION", "' sendMessage'"),
                answer("action $disconnect", text("{\"action\":\"$disconnect\"}"), "UNKNOWN_ACTION", "'$disconnect'"),
                answer("action $connect", text("{\"action\":\"$connect\"}"), "UNKNOWN_ACTION", "'$connect'"),
                answer("action $default", text("{\"action\":\"$default\"}"), "UNKNOWN_ACTION", "'$default'"),
                // Message
                answer("Message missing", text("{\"action\":\"sendMessage\"}"), "MISSING_MESSAGE", "'Message'"),
                answer("Message in lower case", text("{\"action\":\"sendMessage\",\"message\":\"hi\"}"),
                        "MISSING_MESSAGE", "'Message'"),
                answer("Message empty", sendMessage("\"\""), "MISSING_MESSAGE", "empty"),
                answer("Message white space", sendMessage("\" \\t\\n\\r\\u00a0\\u2003\""), "MISSING_MESSAGE", "white space"),
                answer("Message zero-width spaces", sendMessage("\"\\u200b\\u200b\\ufeff\""), "MISSING_MESSAGE",
                        "invisible"),
                answer("Message null", sendMessage("null"), "MISSING_MESSAGE", "'Message'"),
                answer("Message a number", sendMessage("42"), "MISSING_MESSAGE", "'Message'"),
                answer("Message true", sendMessage("true"), "MISSING_MESSAGE", "'Message'"),
                answer("Message an object", sendMessage("{\"text\":\"hi\"}"), "MISSING_MESSAGE", "'Message'"),
                answer("Message an array", sendMessage("[\"hi\"]"), "MISSING_MESSAGE", "'Message'"),
                answer("Message 1 byte over 32 KB", sendMessage("\"" + "x".repeat(32 * 1024 + 1) + "\""),
                        "MESSAGE_TOO_LARGE", "32769 bytes"),
                answer("Message over 32 KB in 2-byte characters", sendMessage("\"" + "é".repeat(16 * 1024 + 1) + "\""),
                        "MESSAGE_TOO_LARGE", "32770 bytes"),
                answer("Message a number of 2,000 digits", sendMessage("9".repeat(2_000)), "INVALID_JSON", "too long"),
                // Control characters: escaped, they are text (see the test below), but not visible text; raw, not JSON
                answer("Message only control characters", sendMessage("\"\\u0000\\u0007\\u001b\\u007f\""),
                        "MISSING_MESSAGE", "invisible"),
                answer("Message with a raw BEL", sendMessage("\"ring \u0007 ring\""), "INVALID_JSON", "not valid JSON"),
                answer("Message with a raw NUL", sendMessage("\"a\u0000b\""), "INVALID_JSON", "not valid JSON"),
                answer("Message with a raw line feed", sendMessage("\"two\nlines\""), "INVALID_JSON", "not valid JSON"),
                answer("Message with an unpaired surrogate escape", sendMessage("\"half a \\ud83d character\""),
                        "INVALID_JSON", "unpaired surrogate"),
                // to
                answer("to a number", sendMessageTo("7"), "UNKNOWN_RECIPIENT", "'to'"),
                answer("to an object", sendMessageTo("{\"connectionId\":\"Zz0zYcOFvHcCAAA=\"}"), "UNKNOWN_RECIPIENT",
                        "'to'"),
                answer("to empty", sendMessageTo("\"\""), "UNKNOWN_RECIPIENT", "'to'"),
                answer("to not an id", sendMessageTo("\"not an id!\""), "UNKNOWN_RECIPIENT", "'to'"),
                answer("to too long for an id", sendMessageTo("\"" + "A".repeat(129) + "\""), "UNKNOWN_RECIPIENT", "'to'"),
                answer("to well-formed but nobody's", sendMessageTo("\"Zz0zYcOFvHcCAAA=\""), "UNKNOWN_RECIPIENT",
                        "no connected client has the id 'Zz0zYcOFvHcCAAA='"),
                // room, toUser and their combinations on sendMessage
                answer("room empty", sendMessageWith("\"room\":\"\""), "INVALID_ROOM", ROOM_NAME),
                answer("room a number", sendMessageWith("\"room\":1"), "INVALID_ROOM", ROOM_NAME),
                answer("room null", sendMessageWith("\"room\":null"), "INVALID_ROOM", ROOM_NAME),
                answer("room an array", sendMessageWith("\"room\":[\"lobby\"]"), "INVALID_ROOM", ROOM_NAME),
                answer("room of 65 characters", sendMessageWith("\"room\":\"" + "r".repeat(65) + "\""), "INVALID_ROOM",
                        ROOM_NAME),
                answer("room with a space", sendMessageWith("\"room\":\"design team\""), "INVALID_ROOM", ROOM_NAME),
                answer("room not joined", sendMessageWith("\"room\":\"design\""), "NOT_A_MEMBER",
                        "not in the room 'design'"),
                answer("room and to", sendMessageWith("\"room\":\"lobby\",\"to\":\"Zz0zYcOFvHcCAAA=\""), "INVALID_ROOM",
                        "a direct message has no room"),
                answer("room and toUser", sendMessageWith("\"room\":\"lobby\",\"toUser\":\"user-1\""), "INVALID_ROOM",
                        "a direct message has no room"),
                answer("to and toUser", sendMessageWith("\"to\":\"Zz0zYcOFvHcCAAA=\",\"toUser\":\"user-1\""),
                        "UNKNOWN_RECIPIENT", "not both"),
                answer("toUser a number", sendMessageWith("\"toUser\":42"), "UNKNOWN_RECIPIENT", "'toUser'"),
                answer("toUser empty", sendMessageWith("\"toUser\":\"\""), "UNKNOWN_RECIPIENT", "'toUser'"),
                answer("toUser null", sendMessageWith("\"toUser\":null"), "UNKNOWN_RECIPIENT", "'toUser'"),
                answer("toUser of 129 characters", sendMessageWith("\"toUser\":\"" + "u".repeat(129) + "\""),
                        "UNKNOWN_RECIPIENT", "'toUser'"),
                answer("toUser nobody's", sendMessageWith("\"toUser\":\"user-nobody\""), "UNKNOWN_RECIPIENT",
                        "no connected client belongs to the user 'user-nobody'"),
                // join, leave and members
                answer("join without room", text("{\"action\":\"join\"}"), "INVALID_ROOM", ROOM_NAME),
                answer("join room empty", roomAction("join", "\"\""), "INVALID_ROOM", ROOM_NAME),
                answer("join room a number", roomAction("join", "1"), "INVALID_ROOM", ROOM_NAME),
                answer("join room null", roomAction("join", "null"), "INVALID_ROOM", ROOM_NAME),
                answer("join room an object", roomAction("join", "{\"name\":\"design\"}"), "INVALID_ROOM", ROOM_NAME),
                answer("join room of 65 characters", roomAction("join", "\"" + "r".repeat(65) + "\""), "INVALID_ROOM",
                        ROOM_NAME),
                answer("join room with a slash", roomAction("join", "\"a/b\""), "INVALID_ROOM", ROOM_NAME),
                answer("join room with a non-ASCII letter", roomAction("join", "\"caf\u00e9\""), "INVALID_ROOM", ROOM_NAME),
                answer("join room with a NUL escape", roomAction("join", "\"design\\u0000\""), "INVALID_ROOM", ROOM_NAME),
                answer("join room of 20,000 characters", roomAction("join", "\"" + "r".repeat(20_000) + "\""),
                        "INVALID_ROOM", ROOM_NAME),
                answer("leave without room", text("{\"action\":\"leave\"}"), "INVALID_ROOM", ROOM_NAME),
                answer("leave room a number", roomAction("leave", "1"), "INVALID_ROOM", ROOM_NAME),
                answer("leave room of 65 characters", roomAction("leave", "\"" + "r".repeat(65) + "\""), "INVALID_ROOM",
                        ROOM_NAME),
                answer("members without room", text("{\"action\":\"members\"}"), "INVALID_ROOM", ROOM_NAME),
                answer("members room empty", roomAction("members", "\"\""), "INVALID_ROOM", ROOM_NAME),
                answer("members of a room not joined", roomAction("members", "\"design\""), "NOT_A_MEMBER",
                        "only members see who is in a room"),
                answer("members cursor garbage", members("\"garbage\""), "INVALID_CURSOR", "not one a members page"),
                answer("members cursor a number", members("7"), "INVALID_CURSOR", CURSOR),
                answer("members cursor null", members("null"), "INVALID_CURSOR", CURSOR),
                answer("members cursor empty", members("\"\""), "INVALID_CURSOR", CURSOR),
                answer("members cursor of 513 characters", members("\"" + "c".repeat(513) + "\""), "INVALID_CURSOR",
                        CURSOR),
                answer("members room and cursor both bad", text("{\"action\":\"members\",\"room\":1,\"cursor\":1}"),
                        "INVALID_ROOM", ROOM_NAME),
                // since on join, and history
                answer("since a number", joinSince("41"), "INVALID_SINCE", SINCE),
                answer("since null", joinSince("null"), "INVALID_SINCE", SINCE),
                answer("since a string", joinSince("\"e-1:41\""), "INVALID_SINCE", SINCE),
                answer("since empty", joinSince("{}"), "INVALID_SINCE", SINCE),
                answer("since without seq", joinSince("{\"epoch\":\"e-1\"}"), "INVALID_SINCE", SINCE),
                answer("since without epoch", joinSince("{\"seq\":41}"), "INVALID_SINCE", SINCE),
                answer("since seq negative", joinSince("{\"epoch\":\"e-1\",\"seq\":-1}"), "INVALID_SINCE", SINCE),
                answer("since seq a fraction", joinSince("{\"epoch\":\"e-1\",\"seq\":41.5}"), "INVALID_SINCE", SINCE),
                answer("since seq a string", joinSince("{\"epoch\":\"e-1\",\"seq\":\"41\"}"), "INVALID_SINCE",
                        SINCE),
                answer("since seq past 2^53", joinSince("{\"epoch\":\"e-1\",\"seq\":9007199254740992}"),
                        "INVALID_SINCE", SINCE),
                answer("since seq of 1,000 digits", joinSince("{\"epoch\":\"e-1\",\"seq\":" + "9".repeat(1_000) + "}"),
                        "INVALID_SINCE", SINCE),
                answer("since epoch of 65 characters", joinSince("{\"epoch\":\"" + "e".repeat(65) + "\",\"seq\":1}"),
                        "INVALID_SINCE", SINCE),
                answer("since epoch with a #", joinSince("{\"epoch\":\"e#1\",\"seq\":1}"), "INVALID_SINCE", SINCE),
                answer("since with a third field", joinSince("{\"epoch\":\"e-1\",\"seq\":1,\"room\":\"x\"}"),
                        "INVALID_SINCE", SINCE),
                answer("since with a bad room too", text("{\"action\":\"join\",\"room\":1,\"since\":7}"),
                        "INVALID_ROOM", ROOM_NAME),
                answer("history without room", text("{\"action\":\"history\"}"), "INVALID_ROOM", ROOM_NAME),
                answer("history room a number", roomAction("history", "1"), "INVALID_ROOM", ROOM_NAME),
                answer("history of a room not joined", roomAction("history", "\"design\""), "NOT_A_MEMBER",
                        "only members read a room's history"),
                answer("history before 0", history("\"before\":0"), "INVALID_PAGE", BEFORE),
                answer("history before a string", history("\"before\":\"812\""), "INVALID_PAGE", BEFORE),
                answer("history before null", history("\"before\":null"), "INVALID_PAGE", BEFORE),
                answer("history before a fraction", history("\"before\":8.5"), "INVALID_PAGE", BEFORE),
                answer("history before of 1,000 digits", history("\"before\":" + "9".repeat(1_000)), "INVALID_PAGE",
                        BEFORE),
                answer("history limit 0", history("\"limit\":0"), "INVALID_PAGE", LIMIT),
                answer("history limit 101", history("\"limit\":101"), "INVALID_PAGE", LIMIT),
                answer("history limit negative", history("\"limit\":-1"), "INVALID_PAGE", LIMIT),
                answer("history limit an array", history("\"limit\":[10]"), "INVALID_PAGE", LIMIT),
                // Deep nesting: API Gateway lets 128 KB of it through in frames of up to 32 KB
                answer("100,000 nested arrays", text("[".repeat(100_000)), "INVALID_JSON", TOO_DEEP),
                answer("20,000 nested objects", text("{\"a\":".repeat(20_000)), "INVALID_JSON", TOO_DEEP),
                answer("sendMessage with 34 levels in a field", text(nestedFrame), "INVALID_JSON", TOO_DEEP),
                answer("sendMessage with 10,000 levels in a field", text("{\"action\":\"sendMessage\","
                        + "\"Message\":\"hi\",\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}"), "INVALID_JSON", TOO_DEEP),
                // Binary frames go to $default in base64, whatever they hold
                answer("binary bytes", binary(new byte[] {1, 2, 3, (byte) 0xff}), "INVALID_JSON", NOT_BINARY),
                answer("binary sendMessage", binary("{\"action\":\"sendMessage\",\"Message\":\"hi\"}"
                        .getBytes(StandardCharsets.UTF_8)), "INVALID_JSON", NOT_BINARY),
                answer("empty binary frame", binary(new byte[0]), "INVALID_JSON", NOT_BINARY));
    }

    @Test
    void givenMessageWithControlCharactersBesideVisibleText_send_storesThemAsTheyCameAndDeliversThemAsJsonEscapes() {
        String text = "a\u0000b\u0007c\u001b[31md\u007fe\tf";

        sender.send("{\"action\":\"sendMessage\",\"Message\":\"a\\u0000b\\u0007c\\u001b[31md\\u007fe\\tf\"}");

        assertThat(json(sender.next())).containsEntry("type", "ack").containsEntry("recipients", 1);
        String delivered = bystander.next();
        assertThat(json(delivered)).containsEntry("type", "message").containsEntry("message", text);
        assertThat(delivered.chars()).as("no raw C0 control character reaches a client").allMatch(c -> c >= 0x20);
        assertThat(delivered).contains("a\\u0000b\\u0007c\\u001B[31m");
        assertThat(rows.row(idOf(sender)).get("Message").s()).isEqualTo(text);
    }

    /**
     * Every frame costs a token of the sender's allowance (10 a second, bursts of 20), answered or not: a flood of bad
     * frames is refused RATE_LIMITED once the burst is spent, changes nothing but the sender's allowance (an item
     * apart from the rows, not in the snapshot) and reaches nobody; the connection stays, and is served again once
     * the wait the refusal names is over.
     */
    @Test
    void givenSenderFloodingBadFrames_framesBeyondTheBurst_areRateLimitedAndChangeNothing() throws InterruptedException {
        int flood = 40;
        Map<String, Map<String, AttributeValue>> before = snapshot();

        long started = System.nanoTime();
        IntStream.range(0, flood).forEach(n -> sender.send("not json " + n));
        List<Map<String, Object>> answers = IntStream.range(0, flood).mapToObj(n -> json(sender.next())).toList();
        double seconds = (System.nanoTime() - started) / 1e9;

        Map<Object, Long> codes = answers.stream().collect(Collectors.groupingBy(answer -> answer.get("code"),
                Collectors.counting()));
        assertThat(codes).containsOnlyKeys("INVALID_JSON", "RATE_LIMITED");
        assertThat(codes.get("INVALID_JSON")).isBetween(20L, 20L + (long) Math.ceil(10 * seconds));
        long longestWait = answers.stream().filter(answer -> "RATE_LIMITED".equals(answer.get("code")))
                .mapToLong(answer -> ((Number) answer.get("retryAfterMs")).longValue()).max().orElseThrow();
        assertThat(snapshot()).isEqualTo(before);
        Thread.sleep(longestWait);
        assertStillConnectedAndGotNothingElse(sender);
        assertStillConnectedAndGotNothingElse(bystander);
    }

    @Test
    void givenClientThatLeft_messageToIt_isAnsweredUnknownRecipientAndChangesNothing() throws InterruptedException {
        TestClient cid = join("Cid");
        String cidId = idOf(cid);
        cid.close();
        rows.awaitEnded(cidId);
        Map<String, Map<String, AttributeValue>> before = snapshot();

        sender.send("{\"action\":\"sendMessage\",\"Message\":\"are you there?\",\"to\":\"" + cidId + "\"}");

        assertThat(json(sender.next())).containsEntry("code", "UNKNOWN_RECIPIENT");
        assertStillConnectedAndGotNothingElse(sender);
        assertStillConnectedAndGotNothingElse(bystander);
        assertThat(snapshot()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ann%E2%80%8B", "%E2%80%AEnimda", "a%E2%81%A6b", "%EF%BB%BFBob"})
    void givenNameThatHidesOrReordersText_handshake_isRefused400AndNothingIsStoredOrAnnounced(String encodedName) {
        Map<String, Map<String, AttributeValue>> before = snapshot();

        assertThatThrownBy(() -> TestClient.attempt(URI.create(parley.gateway().urls().webSocket() + "?name="
                + encodedName)).join())
                .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        refused -> assertThat(refused.getResponse().statusCode()).isEqualTo(400));
        assertThat(snapshot()).isEqualTo(before);
        assertStillConnectedAndGotNothingElse(sender);
        assertStillConnectedAndGotNothingElse(bystander);
    }

    @ParameterizedTest(name = "{0} -> close {1}")
    @MethodSource("framesThatCloseTheConnection")
    void givenRawClient_frameApiGatewayRefuses_closesWithItsStatusRunsDisconnectAndChangesNothingElse(
            RawFrame frame, int closeStatus) throws IOException, InterruptedException {
        String name = uniqueName("Raw");
        try (var raw = RawWebSocket.connect(URI.create(parley.gateway().urls().webSocket() + "?name=" + name))) {
            String id = rows.idsByName().get(name);
            Map<String, Map<String, AttributeValue>> before = snapshot();

            raw.sendFrame(frame.opcode(), frame.payload());

            RawWebSocket.Frame answer = raw.readFrame();
            assertThat(answer.opcode()).isEqualTo(RawWebSocket.CLOSE);
            assertThat(answer.closeStatus()).isEqualTo(closeStatus);
            assertOnlyDisconnectRecorded(id, before);
        }
        assertStillConnectedAndGotNothingElse(sender);
        assertStillConnectedAndGotNothingElse(bystander);
    }

    static Stream<Arguments> framesThatCloseTheConnection() {
        byte[] overFrameLimit = ("{\"action\":\"sendMessage\",\"Message\":\"" + "x".repeat(32 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of(Named.of("text frame over 32 KB", new RawFrame(RawWebSocket.TEXT, overFrameLimit)), 1009),
                Arguments.of(Named.of("binary frame over 32 KB", new RawFrame(BINARY, overFrameLimit)), 1009),
                // RFC 6455 8.1: a text frame that is not UTF-8 fails the connection, with 1007
                Arguments.of(Named.of("text frame with a bad continuation byte", invalidUtf8(0xc3, 0x28)), 1007),
                Arguments.of(Named.of("text frame with a lone continuation byte", invalidUtf8(0x80)), 1007),
                Arguments.of(Named.of("text frame with an overlong '/'", invalidUtf8(0xc0, 0xaf)), 1007),
                Arguments.of(Named.of("text frame with an encoded surrogate", invalidUtf8(0xed, 0xa0, 0x80)), 1007),
                Arguments.of(Named.of("text frame beyond U+10FFFF", invalidUtf8(0xf4, 0x90, 0x80, 0x80)), 1007),
                Arguments.of(Named.of("text frame ending mid-character", invalidUtf8(0xe2, 0x82)), 1007),
                Arguments.of(Named.of("text frame with byte 0xFF", invalidUtf8(0xff)), 1007));
    }

    @Test
    void givenClient_textMessageOver128KBInFramesUnder32KB_isClosedWith1009RunsDisconnectAndChangesNothingElse()
            throws InterruptedException {
        TestClient big = join("Big");
        String id = idOf(big);
        Map<String, Map<String, AttributeValue>> before = snapshot();

        inFrames(big, "{\"action\":\"sendMessage\",\"Message\":\"" + "x".repeat(128 * 1024) + "\"}");

        assertThat(big.awaitClose().statusCode()).isEqualTo(1009);
        assertOnlyDisconnectRecorded(id, before);
        assertStillConnectedAndGotNothingElse(sender);
        assertStillConnectedAndGotNothingElse(bystander);
    }

    @ParameterizedTest(name = "{0} {1} with a foreign Host -> 421")
    @CsvSource({"GET, /production", "POST, /dev/broadcastmessage", "POST, /production/@connections/SENDER",
            "GET, /production/@connections/SENDER", "DELETE, /production/@connections/SENDER", "GET, /config.json",
            "GET, /"})
    void givenConnectedClients_requestWithAForeignHost_isRefused421AndChangesNothing(String method, String path)
            throws IOException {
        Map<String, Map<String, AttributeValue>> before = snapshot();
        int port = parley.gateway().urls().pages().getPort();

        RawHttp.Answer answer = RawHttp.send(port, method, path.replace("SENDER", idOf(sender)),
                "attacker.example:" + port, "Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Version: 13",
                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Authorization: AWS4-HMAC-SHA256 Credential=local");

        assertThat(answer.status()).isEqualTo(421);
        assertThat(json(answer.body())).containsEntry("message", "this gateway answers to localhost, IP addresses and "
                + "127.0.0.1, not to the host 'attacker.example:" + port + "'");
        assertStillConnectedAndGotNothingElse(sender);
        assertStillConnectedAndGotNothingElse(bystander);
        assertThat(snapshot()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} @connections {1} with authorization on -> 403")
    @CsvSource({"POST, a signature nobody checked", "GET, a signature nobody checked", "DELETE, a signature nobody checked",
            "POST, no credentials", "GET, no credentials", "DELETE, no credentials",
            "POST, another key in x-api-key", "GET, another key in x-api-key", "DELETE, another key in x-api-key"})
    void givenAuthorizationOn_managementCallWithoutTheAdminKey_isRefused403AndChangesNothing(String method,
            String credentials) throws Exception {
        GuardedUser guardedUser = joinGuarded();
        TestClient user = guardedUser.client();
        Map<String, Map<String, AttributeValue>> before = snapshot(guardedRows);
        var call = HttpRequest.newBuilder(URI.create(guarded.gateway().urls().callback() + "/@connections/"
                + URLEncoder.encode(guardedUser.id(), StandardCharsets.UTF_8))).timeout(TestClient.WAIT)
                .method(method, HttpRequest.BodyPublishers.ofString(method.equals("POST") ? "{\"type\":\"forged\"}" : ""));
        switch (credentials) {
            // What chat-local accepted from anyone before: a SigV4 header it never verified.
            case "a signature nobody checked" -> call.header("Authorization", "AWS4-HMAC-SHA256 Credential=local/"
                    + AMZ_DATE.format(Instant.now()).substring(0, 8) + "/us-east-1/execute-api/aws4_request, "
                    + "SignedHeaders=host;x-amz-date, Signature=" + "0".repeat(64))
                    .header("X-Amz-Date", AMZ_DATE.format(Instant.now()));
            case "another key in x-api-key" -> call.header("x-api-key", ADMIN_KEY.replace('0', '9'));
            default -> { }
        }

        HttpResponse<String> answer = HTTP.send(call.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat((String) json(answer.body()).get("message")).isNotBlank();
        assertStillConnectedAndGotNothingElse(user);
        assertThat(snapshot(guardedRows)).isEqualTo(before);
        user.close();
        guardedRows.awaitEnded(guardedUser.id());
    }

    @ParameterizedTest(name = "broadcast with {0}, authorization on -> {1}")
    @CsvSource({"the key and no Authorization header, 401", "the key and a Basic header, 401",
            "the key and a token of another secret, 401", "the key and an administrator's token of another audience, 401",
            "the key and a member's token, 403", "an administrator's token and no key, 403"})
    void givenAuthorizationOn_broadcastWithoutAnAdministratorsTokenAndTheKey_isRefusedAndReachesNobody(String what,
            int status) throws Exception {
        GuardedUser guardedUser = joinGuarded();
        TestClient user = guardedUser.client();
        Map<String, Map<String, AttributeValue>> before = snapshot(guardedRows);
        var admin = new Principal(new UserId("ops-1"), new DisplayName("Ops"), RoomAccess.EVERY_ROOM, Role.ADMIN);
        var call = HttpRequest.newBuilder(guarded.gateway().urls().rest("broadcastmessage")).timeout(TestClient.WAIT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"forged\"}"));
        if (what.startsWith("the key")) {
            call.header("x-api-key", ADMIN_KEY);
        }
        switch (what) {
            case "the key and a Basic header" -> call.header("Authorization", "Basic b3BzOnNlY3JldA==");
            case "the key and a token of another secret" -> call.header("Authorization", "Bearer " + new TokenIssuer(
                    SigningKey.fromText(SECRET.replace('0', '1')), Clock.systemUTC(), TokenRules.DEFAULT)
                    .issue(admin, Duration.ofMinutes(5)));
            case "the key and an administrator's token of another audience" -> call.header("Authorization", "Bearer "
                    + guardedToken(admin, new TokenRules("billing", Duration.ofHours(1))));
            case "the key and a member's token" -> call.header("Authorization", "Bearer "
                    + guardedToken(guardedUser.principal(), TokenRules.DEFAULT));
            case "an administrator's token and no key" -> call.header("Authorization", "Bearer "
                    + guardedToken(admin, TokenRules.DEFAULT));
            default -> { }
        }

        HttpResponse<String> answer = HTTP.send(call.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat((String) json(answer.body()).get("message")).isNotBlank();
        assertStillConnectedAndGotNothingElse(user);
        assertThat(snapshot(guardedRows)).isEqualTo(before);
        user.close();
        guardedRows.awaitEnded(guardedUser.id());
    }

    @ParameterizedTest(name = "$connect with {0}, REQUIRE_AUTH on and no authorizer -> 403")
    @ValueSource(strings = {"?name=Eve", "?token=eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl&name=Eve", ""})
    void givenRequireAuthWithoutAuthorizer_handshake_isRefused403AndNothingIsStored(String query) {
        Map<String, Map<String, AttributeValue>> before = snapshot(detachedRows);

        assertThatThrownBy(() -> TestClient.attempt(URI.create(detached.gateway().urls().webSocket() + query)).join())
                .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        refused -> assertThat(refused.getResponse().statusCode()).isEqualTo(403));
        assertThat(detachedRows.all()).isEmpty();
        assertThat(snapshot(detachedRows)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} -> 400 {1}")
    @MethodSource("badBroadcastBodies")
    void givenConnectedClients_badBroadcastBody_isAnswered400WithItsErrorAndReachesNobody(String body, String code,
            String words) throws IOException, InterruptedException {
        Map<String, Map<String, AttributeValue>> before = snapshot();

        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(parley.gateway().urls().rest("broadcastmessage"))
                        .timeout(TestClient.WAIT)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
        Map<String, Object> answer = json(response.body());
        assertThat(answer).containsEntry("type", "error").containsEntry("code", code);
        assertThat((String) answer.get("message")).contains(words);
        assertStillConnectedAndGotNothingElse(sender);
        assertStillConnectedAndGotNothingElse(bystander);
        assertThat(snapshot()).isEqualTo(before);
    }

    static Stream<Arguments> badBroadcastBodies() {
        return Stream.of(
                Arguments.of(Named.of("not JSON", "Maintenance at noon"), "INVALID_JSON", "not valid JSON"),
                Arguments.of(Named.of("empty", ""), "INVALID_JSON", "empty"),
                Arguments.of(Named.of("truncated", "{\"message\":\"hi\""), "INVALID_JSON", "not valid JSON"),
                Arguments.of(Named.of("an object and more", "{\"message\":\"hi\"} and more"), "INVALID_JSON",
                        "nothing after it"),
                Arguments.of(Named.of("an array", "[\"message\",\"hi\"]"), "INVALID_JSON", "must be a JSON object"),
                Arguments.of(Named.of("a string", "\"hi\""), "INVALID_JSON", "must be a JSON object"),
                Arguments.of(Named.of("null", "null"), "INVALID_JSON", "must be a JSON object"),
                Arguments.of(Named.of("100,000 nested arrays", "[".repeat(100_000)), "INVALID_JSON",
                        TOO_DEEP),
                Arguments.of(Named.of("message missing", "{}"), "MISSING_MESSAGE", "'message'"),
                Arguments.of(Named.of("Message instead of message", "{\"Message\":\"hi\"}"), "MISSING_MESSAGE", "'message'"),
                Arguments.of(Named.of("message empty", "{\"message\":\"\"}"), "MISSING_MESSAGE", "empty"),
                Arguments.of(Named.of("message white space", "{\"message\":\" \\n \"}"), "MISSING_MESSAGE", "white space"),
                Arguments.of(Named.of("message null", "{\"message\":null}"), "MISSING_MESSAGE", "'message'"),
                Arguments.of(Named.of("message a number", "{\"message\":12}"), "MISSING_MESSAGE", "'message'"),
                Arguments.of(Named.of("message an object", "{\"message\":{\"text\":\"hi\"}}"), "MISSING_MESSAGE",
                        "'message'"),
                Arguments.of(Named.of("message over 32 KB", "{\"message\":\"" + "x".repeat(32 * 1024 + 1) + "\"}"),
                        "MESSAGE_TOO_LARGE", "32769 bytes"),
                Arguments.of(Named.of("message with an unpaired surrogate escape", "{\"message\":\"\\udc00\"}"),
                        "INVALID_JSON", "unpaired surrogate"),
                Arguments.of(Named.of("room a number", "{\"message\":\"hi\",\"room\":1}"), "INVALID_ROOM", ROOM_NAME),
                Arguments.of(Named.of("room empty", "{\"message\":\"hi\",\"room\":\"\"}"), "INVALID_ROOM", ROOM_NAME),
                Arguments.of(Named.of("room null", "{\"message\":\"hi\",\"room\":null}"), "INVALID_ROOM", ROOM_NAME),
                Arguments.of(Named.of("room of 65 characters", "{\"message\":\"hi\",\"room\":\"" + "r".repeat(65) + "\"}"),
                        "INVALID_ROOM", ROOM_NAME));
    }

    /** A bad frame, and how a real client sends it. */
    @FunctionalInterface
    interface BadFrame {
        void sendWith(TestClient client);
    }

    /** One frame exactly as a hand-written client puts it on the wire. */
    record RawFrame(int opcode, byte[] payload) {}

    private static Arguments answer(String name, BadFrame frame, String code, String words) {
        return Arguments.of(Named.of(name, frame), code, words);
    }

    private static BadFrame text(String frame) {
        return client -> inFrames(client, frame);
    }

    private static BadFrame sendMessage(String messageJson) {
        return text("{\"action\":\"sendMessage\",\"Message\":" + messageJson + "}");
    }

    /** A sendMessage of "hi" with {@code fields} added. */
    private static BadFrame sendMessageWith(String fields) {
        return text("{\"action\":\"sendMessage\",\"Message\":\"hi\"," + fields + "}");
    }

    private static BadFrame roomAction(String action, String roomJson) {
        return text("{\"action\":\"" + action + "\",\"room\":" + roomJson + "}");
    }

    /** A members frame for the lobby, which every client of these tests is in. */
    private static BadFrame joinSince(String sinceJson) {
        return text("{\"action\":\"join\",\"room\":\"design\",\"since\":" + sinceJson + "}");
    }

    /** A history request of the lobby, which the sender is in, with {@code field} added. */
    private static BadFrame history(String field) {
        return text("{\"action\":\"history\",\"room\":\"lobby\"," + field + "}");
    }

    private static BadFrame members(String cursorJson) {
        return text("{\"action\":\"members\",\"room\":\"lobby\",\"cursor\":" + cursorJson + "}");
    }

    private static BadFrame sendMessageTo(String toJson) {
        return text("{\"action\":\"sendMessage\",\"Message\":\"hi\",\"to\":" + toJson + "}");
    }

    private static BadFrame binary(byte[] bytes) {
        return client -> client.sendBinary(bytes);
    }

    private static RawFrame invalidUtf8(int... bytes) {
        byte[] payload = ("{\"action\":\"sendMessage\",\"Message\":\"x" + "\u0000".repeat(bytes.length) + "x\"}")
                .getBytes(StandardCharsets.UTF_8);
        int at = "{\"action\":\"sendMessage\",\"Message\":\"x".length();
        IntStream.range(0, bytes.length).forEach(i -> payload[at + i] = (byte) bytes[i]);
        return new RawFrame(RawWebSocket.TEXT, payload);
    }

    /** One message in frames API Gateway accepts; the gateway joins them before it looks at the message. */
    private static void inFrames(TestClient client, String message) {
        if (message.length() <= CHARACTERS_PER_FRAME) {
            client.send(message);
            return;
        }
        for (int start = 0; start < message.length(); start += CHARACTERS_PER_FRAME) {
            int end = Math.min(message.length(), start + CHARACTERS_PER_FRAME);
            client.sendPart(message.substring(start, end), end == message.length());
        }
    }

    private TestClient join(String name) {
        String unique = uniqueName(name);
        TestClient client = ParleyCalls.connect(parley.gateway().urls(), unique);
        joined.put(rows.idsByName().get(unique), client);
        return client;
    }

    private static String uniqueName(String name) {
        return name + NAMES.incrementAndGet();
    }

    private String idOf(TestClient client) {
        return joined.entrySet().stream().filter(entry -> entry.getValue() == client).findFirst().orElseThrow().getKey();
    }

    /** Both tables: the chat details rows by connection id, the rooms' items by room and key. */
    /** A member connected to the guarded gateway with a valid token, and its connection's id. */
    private record GuardedUser(Principal principal, TestClient client, String id) {}

    private static GuardedUser joinGuarded() {
        String name = uniqueName("Guarded");
        var principal = new Principal(new UserId("user-" + name), new DisplayName(name));
        TestClient client = ParleyCalls.connect(URI.create(guarded.gateway().urls().webSocket() + "?token="
                + guardedToken(principal, TokenRules.DEFAULT)));
        return new GuardedUser(principal, client, guardedRows.idsByName().get(name));
    }

    /** A token for the guarded gateway, signed with its secret under {@code rules}, good for five minutes. */
    private static String guardedToken(Principal principal, TokenRules rules) {
        return new TokenIssuer(SigningKey.fromText(SECRET), Clock.systemUTC(), rules).issue(principal, Duration.ofMinutes(5));
    }

    private static Map<String, Map<String, AttributeValue>> snapshot() {
        return snapshot(rows);
    }

    /** The rows of {@code table} and the rooms' items, which every stack here keeps in the one rooms table. */
    private static Map<String, Map<String, AttributeValue>> snapshot(ChatRows table) {
        Map<String, Map<String, AttributeValue>> all = new HashMap<>();
        table.all().forEach(row -> all.put(row.get("connectionId").s(), row));
        rows.roomItems().forEach(item -> all.put(roomItemKey(item), item));
        rows.historyItems().forEach(item -> all.put(HISTORY_ITEM + item.get("Stream").s() + " " + item.get("Seq").n(),
                item));
        return all;
    }

    private static String roomItemKey(Map<String, AttributeValue> item) {
        return ROOM_ITEM + item.get("Room").s() + " " + item.get("Key").s();
    }

    /**
     * The next frame the client gets is the pong to its ping: it is still connected, and nothing else was on its way
     * to it (a delivery from the bad frame would have been sent before the bad frame was answered).
     */
    private static void assertStillConnectedAndGotNothingElse(TestClient client) {
        client.send(PING);
        assertThat(json(client.next())).isEqualTo(Map.of("type", "pong"));
    }

    /**
     * Waits for the closed connection's {@code $disconnect}, which must be all that changed in the tables: its row
     * marked, and its presence in the lobby gone with the lobby's count.
     */
    private static void assertOnlyDisconnectRecorded(String id, Map<String, Map<String, AttributeValue>> before)
            throws InterruptedException {
        rows.awaitEnded(id);
        Map<String, Map<String, AttributeValue>> after = new HashMap<>(snapshot());
        Map<String, Map<String, AttributeValue>> others = new HashMap<>(before);
        assertThat(withoutDisconnect(after.remove(id))).isEqualTo(withoutDisconnect(others.remove(id)));
        assertThat(others.remove(ROOM_ITEM + "lobby p#connection:" + id)).as("its lobby presence before").isNotNull();
        assertThat(after.remove(ROOM_ITEM + "lobby #count")).isNotEqualTo(others.remove(ROOM_ITEM + "lobby #count"));
        assertThat(after).isEqualTo(others);
    }

    private static Map<String, AttributeValue> withoutDisconnect(Map<String, AttributeValue> row) {
        Map<String, AttributeValue> kept = new HashMap<>(row);
        kept.keySet().removeAll(DISCONNECT_ATTRIBUTES);
        return kept;
    }
}
