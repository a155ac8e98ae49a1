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
import dev.parley.local.gateway.CallbackFaults;
import dev.parley.local.gateway.RawWebSocket;
import dev.parley.local.gateway.TestClient;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Rooms and presence through the whole local stack on dynalite, with authorization on as deployed (every connection a
 * token's user) and a room limit of 3: joining and leaving, room messages, presence per user, a member whose connection
 * vanished without its {@code $disconnect}, direct messages to every tab of a user and broadcasts to a room.
 * Each client ignores the lobby's presence frames, which every connect and close sends to everyone, unless a test
 * watches the lobby.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RoomsEndToEndTest {

    private static final String TABLE = "chatDetails-rooms";
    private static final String SECRET = "rooms-end-to-end-signing-secret-0123456789-abcdef";
    private static final String ADMIN_KEY = "rooms-end-to-end-admin-key-0123456789";
    private static final Predicate<String> LOBBY_PRESENCE =
            text -> text.startsWith("{\"type\":\"presence\",\"room\":\"lobby\",");
    private static final String PING = "{\"action\":\"ping\"}";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TestClient.WAIT).build();
    /** Each test's users are new, so no presence of an earlier test's user can still be in a room. */
    private static final AtomicInteger USERS = new AtomicInteger();

    private static final CallbackFaults FAULTS = new CallbackFaults();
    private static LocalDynamoDb dynalite;
    private static ParleyLocal parley;
    private static ChatRows rows;

    private static final AtomicInteger ROOMS = new AtomicInteger();

    private final List<Client> connected = new ArrayList<>();
    /** Each test's room is new: no announcement of an earlier test's member can reach this one's. */
    private final String design = "design-" + ROOMS.incrementAndGet();

    /** One connection: its socket, its id and its user. */
    private record Client(TestClient socket, String id, String userId) {

        void send(String frame) {
            socket.send(frame);
        }

        Map<String, Object> next() {
            return json(socket.next());
        }

        /** The pong comes next: nothing else was on its way to this client. */
        void gotNothingElse() {
            socket.send(PING);
            assertThat(next()).isEqualTo(Map.of("type", "pong"));
        }
    }

    @BeforeAll
    static void startParley() {
        dynalite = LocalDynamoDb.start();
        parley = ParleyLocal.start(CommandLine.parse(Map.of("PARLEY_AUTH_SECRET", SECRET), "--port", "0",
                        "--dynamodb-endpoint", dynalite.endpoint().toString(), "--table", TABLE, "--admin-key", ADMIN_KEY,
                        "--max-rooms-per-connection", "3"),
                gateway -> gateway.callbackFaults(FAULTS));
        rows = new ChatRows(dynalite.client(), TABLE);
    }

    @AfterAll
    static void stopParley() {
        parley.close();
        dynalite.close();
    }

    /** Every connection ends, and is seen to be out of every room, before the next test. */
    @AfterEach
    void closeEveryConnection() throws InterruptedException {
        for (Client client : connected) {
            if (!client.socket().isClosed()) {
                client.socket().abort();
            }
            rows.awaitEnded(client.id());
        }
    }

    @Test
    void givenMembersOfARoom_join_answersWhoIsThereAndAnnouncesTheJoinerToThemOnly() {
        Client ann = connect("Ann");
        Client bob = connect("Bob");
        Client cid = connect("Cid");
        assertThat(join(bob, design)).containsEntry("count", 1);

        ann.send("{\"action\":\"join\",\"room\":\"" + design + "\",\"clientId\":\"j-1\"}");

        Map<String, Object> joined = ann.next();
        assertThat(joined).containsOnlyKeys("type", "room", "members", "count", "more", "epoch", "seq", "clientId")
                .containsEntry("type", "joined").containsEntry("room", design).containsEntry("count", 2)
                .containsEntry("more", false).containsEntry("clientId", "j-1")
                // where the room's history stands: nothing was sent to it yet
                .containsEntry("seq", 0);
        assertThat(joined.get("epoch")).asString().isNotBlank();
        assertThat(joined.get("members")).asList().containsExactlyInAnyOrder(member(ann, "Ann"), member(bob, "Bob"));
        assertThat(bob.next()).isEqualTo(Map.of("type", "presence", "room", design, "event", "join",
                "member", member(ann, "Ann"), "count", 2));
        bob.gotNothingElse();
        cid.gotNothingElse();
        assertThat(rows.row(ann.id()).get("Rooms").ss()).containsExactlyInAnyOrder("lobby", design);
    }

    @Test
    void givenARoom_messagesToIt_reachItsOtherMembersOnlyWithTheRoomAndTheSendersUserId() {
        Client ann = connect("Ann");
        Client bob = connect("Bob");
        Client cid = connect("Cid");
        join(ann, design);
        join(bob, design);
        ann.next();

        ann.send("{\"action\":\"sendMessage\",\"Message\":\"hi designers\",\"room\":\"" + design
                + "\",\"clientId\":\"m-1\"}");

        Map<String, Object> ack = ann.next();
        assertThat(ack).containsEntry("type", "ack").containsEntry("recipients", 1).containsEntry("clientId", "m-1");
        assertThat(bob.next()).containsEntry("type", "message").containsEntry("id", ack.get("id"))
                .containsEntry("from", ann.id()).containsEntry("name", "Ann").containsEntry("userId", ann.userId())
                .containsEntry("message", "hi designers").containsEntry("direct", false).containsEntry("room", design);
        cid.gotNothingElse();

        cid.send("{\"action\":\"sendMessage\",\"Message\":\"let me in\",\"room\":\"" + design + "\"}");
        assertThat(cid.next()).containsEntry("code", "NOT_A_MEMBER");
        ann.gotNothingElse();
        bob.gotNothingElse();
    }

    @Test
    void givenTheSeedsFrame_sendMessage_stillReachesEveryoneInTheLobbyButNotWhoLeftIt() {
        Client ann = connect("Ann");
        Client bob = connect("Bob");
        Client cid = connect("Cid");
        cid.send("{\"action\":\"leave\",\"room\":\"lobby\"}");
        assertThat(cid.next()).isEqualTo(Map.of("type", "left", "room", "lobby"));

        ann.send("{\"action\":\"sendMessage\",\"Message\":\"hi\"}");

        assertThat(ann.next()).containsEntry("type", "ack").containsEntry("recipients", 1);
        assertThat(bob.next()).containsEntry("message", "hi").containsEntry("room", "lobby");
        cid.gotNothingElse();
    }

    @Test
    void givenPresence_leaveAndClose_announceTheLeaveToTheOthersWithTheNewCount() throws InterruptedException {
        Client ann = connect("Ann");
        Client bob = connect("Bob");
        Client cid = connect("Cid");
        for (Client member : List.of(ann, bob, cid)) {
            join(member, design);
        }
        ann.next();
        ann.next();
        bob.next();

        bob.send("{\"action\":\"leave\",\"room\":\"" + design + "\",\"clientId\":\"l-1\"}");
        assertThat(bob.next()).isEqualTo(Map.of("type", "left", "room", design, "clientId", "l-1"));
        for (Client other : List.of(ann, cid)) {
            assertThat(other.next()).isEqualTo(Map.of("type", "presence", "room", design, "event", "leave",
                    "member", member(bob, "Bob"), "count", 2));
        }

        cid.socket().close();
        rows.awaitEnded(cid.id());
        assertThat(ann.next()).isEqualTo(Map.of("type", "presence", "room", design, "event", "leave",
                "member", member(cid, "Cid"), "count", 1));
        bob.gotNothingElse();
    }

    @Test
    void givenTwoConnectionsOfOneUser_presence_isOneJoinAndNoLeaveUntilBothAreClosed() throws InterruptedException {
        String user = newUser();
        Client laptop = connect(user, "Ann", RoomAccess.EVERY_ROOM);
        Client phone = connect(user, "Ann", RoomAccess.EVERY_ROOM);
        Client bob = connect("Bob");
        join(bob, design);

        assertThat(join(laptop, design)).containsEntry("count", 2);
        assertThat(bob.next()).containsEntry("type", "presence").containsEntry("event", "join")
                .containsEntry("member", member(laptop, "Ann")).containsEntry("count", 2);
        assertThat(join(phone, design)).as("the same person, present already").containsEntry("count", 2);
        bob.gotNothingElse();

        laptop.socket().close();
        rows.awaitEnded(laptop.id());
        bob.gotNothingElse();
        Map<String, Object> members = members(bob, design);
        assertThat(members).containsEntry("count", 2);
        assertThat(fieldOfEach(members, "userId")).containsExactlyInAnyOrder(user, bob.userId());

        phone.socket().close();
        rows.awaitEnded(phone.id());
        assertThat(bob.next()).containsEntry("type", "presence").containsEntry("event", "leave")
                .containsEntry("count", 1).hasEntrySatisfying("member",
                        member -> assertThat(((Map<?, ?>) member).get("userId")).isEqualTo(user));
    }

    @Test
    void givenTwoConnectionsOfOneUser_aDirectMessageToTheUser_reachesBothAndTheAckCountsThem() {
        String user = newUser();
        Client laptop = connect(user, "Ann", RoomAccess.EVERY_ROOM);
        Client phone = connect(user, "Ann", RoomAccess.EVERY_ROOM);
        Client bob = connect("Bob");
        Client cid = connect("Cid");

        bob.send("{\"action\":\"sendMessage\",\"Message\":\"to every tab\",\"toUser\":\"" + user + "\"}");

        assertThat(bob.next()).containsEntry("type", "ack").containsEntry("recipients", 2);
        for (Client tab : List.of(laptop, phone)) {
            assertThat(tab.next()).containsEntry("type", "message").containsEntry("message", "to every tab")
                    .containsEntry("direct", true).containsEntry("userId", bob.userId()).doesNotContainKey("room");
        }
        cid.gotNothingElse();

        bob.send("{\"action\":\"sendMessage\",\"Message\":\"anyone?\",\"toUser\":\"" + newUser() + "\"}");
        assertThat(bob.next()).containsEntry("code", "UNKNOWN_RECIPIENT");
    }

    @Test
    void givenAMemberWhoseConnectionVanishedWithoutDisconnect_aSendToTheRoom_meets410AndAnnouncesItsLeave()
            throws IOException, InterruptedException {
        Client ann = connect("Ann");
        Client bob = connect("Bob");
        join(ann, design);
        join(bob, design);
        ann.next();
        String user = newUser();
        try (RawWebSocket raw = RawWebSocket.connect(webSocket(token(user, "Ghost", RoomAccess.EVERY_ROOM)))) {
            String ghost = activeConnectionOf(user, Set.of());
            String joinFrame = "{\"action\":\"join\",\"room\":\"" + design + "\"}";
            raw.sendFrame(RawWebSocket.TEXT, joinFrame.getBytes(StandardCharsets.UTF_8));
            assertThat(json(new String(raw.readFrame().payload(), StandardCharsets.UTF_8))).containsEntry("type", "joined")
                    .containsEntry("count", 3);
            ann.next();
            bob.next();
            // API Gateway lost it: every send now answers 410, and no $disconnect comes while the test looks.
            FAULTS.failAlways(ghost, CallbackFaults.Fault.GONE);
            // Long open, or the 410 might only mean its $connect is not over yet.
            rows.backdate(ghost);

            ann.send("{\"action\":\"sendMessage\",\"Message\":\"still there?\",\"room\":\"" + design + "\"}");

            // The send meets 410 first, so the leave it announces reaches the sender before its answer.
            assertLeftTheRoom(ann.next(), ghost);
            assertThat(ann.next()).containsEntry("type", "ack").containsEntry("recipients", 1);
            assertThat(bob.next()).containsEntry("type", "message").containsEntry("message", "still there?");
            assertLeftTheRoom(bob.next(), ghost);
            Map<String, AttributeValue> ghostRow = rows.awaitEnded(ghost);
            assertThat(ghostRow.get("DisconnectReason").s()).contains("410");
            assertThat(fieldOfEach(members(bob, design), "connectionId")).containsExactlyInAnyOrder(ann.id(), bob.id());
        }
        ann.gotNothingElse();
        bob.gotNothingElse();
    }

    @Test
    void givenABroadcastToARoom_itReachesTheRoomsMembersOnlyAndItsReportCountsOnlyThem() throws Exception {
        Client ann = connect("Ann");
        Client bob = connect("Bob");
        Client cid = connect("Cid");
        join(ann, design);
        join(cid, design);
        ann.next();

        HttpResponse<String> report = HTTP.send(HttpRequest.newBuilder(parley.gateway().urls().rest("broadcastmessage"))
                        .timeout(TestClient.WAIT)
                        .header("Content-Type", "application/json")
                        .header("x-api-key", ADMIN_KEY)
                        .header("Authorization", "Bearer " + adminToken())
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"message\":\"review at noon\",\"room\":\"" + design + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(json(report.body())).containsEntry("attempted", 2).containsEntry("delivered", 2);
        for (Client member : List.of(ann, cid)) {
            assertThat(member.next()).containsEntry("type", "broadcast").containsEntry("message", "review at noon")
                    .containsEntry("room", design);
        }
        bob.gotNothingElse();
    }

    @Test
    void givenALimitOfThreeRooms_join_refusesAFourthUntilOneIsLeft() {
        Client ann = connect("Ann");
        join(ann, "one");
        join(ann, "two");

        ann.send("{\"action\":\"join\",\"room\":\"three\",\"clientId\":\"j-3\"}");
        assertThat(ann.next()).containsEntry("type", "error").containsEntry("code", "TOO_MANY_ROOMS")
                .containsEntry("clientId", "j-3");
        ann.send("{\"action\":\"leave\",\"room\":\"one\"}");
        assertThat(ann.next()).containsEntry("type", "left");

        assertThat(join(ann, "three")).containsEntry("type", "joined");
        assertThat(rows.row(ann.id()).get("Rooms").ss()).containsExactlyInAnyOrder("lobby", "two", "three");
    }

    @Test
    void givenATokenAdmittingSomeRooms_join_refusesTheOthers() {
        Client dee = connect(newUser(), "Dee", RoomAccess.only(List.of("team-*")));

        dee.send("{\"action\":\"join\",\"room\":\"design\"}");
        assertThat(dee.next()).containsEntry("code", "FORBIDDEN_ROOM");

        assertThat(join(dee, "team-a")).containsEntry("type", "joined");
        assertThat(rows.row(dee.id()).get("Rooms").ss()).containsExactlyInAnyOrder("lobby", "team-a");
    }

    @Test
    void givenATokenWhoseNameHidesOrReordersText_handshake_isRefused403AndNothingIsStored() throws Exception {
        int before = rows.all().size();
        // Signed by hand: the token issuer, like the verifier, refuses such a name.
        String header = base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        long now = System.currentTimeMillis() / 1000;
        String claims = base64Url("{\"aud\":\"parley\",\"iat\":" + now + ",\"sub\":\"" + newUser()
                + "\",\"name\":\"Ann\\u202Egnp.exe\",\"exp\":" + (now + 300) + "}");
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String token = header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(hmac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII)));

        assertThatThrownBy(() -> TestClient.attempt(webSocket(token)).join())
                .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        refused -> assertThat(refused.getResponse().statusCode()).isEqualTo(403));
        assertThat(rows.all()).hasSize(before);
    }

    @Test
    void givenAWatcherOfTheLobby_connectAndClose_announceEachUserOnceInTheLobby() throws InterruptedException {
        Client watcher = connect(newUser(), "Wes", RoomAccess.EVERY_ROOM, text -> false);
        Client ann = connect("Ann");

        assertThat(nextAbout(watcher, ann)).isEqualTo(Map.of("type", "presence", "room", "lobby", "event", "join",
                "member", member(ann, "Ann"), "count", 2));
        ann.socket().close();
        rows.awaitEnded(ann.id());
        assertThat(nextAbout(watcher, ann)).isEqualTo(Map.of("type", "presence", "room", "lobby", "event", "leave",
                "member", member(ann, "Ann"), "count", 1));
    }

    /**
     * The next lobby presence frame about {@code member}: the lobby's leaves of an earlier test's connections may still
     * be on their way when this one's watcher joins.
     */
    private static Map<String, Object> nextAbout(Client watcher, Client member) {
        for (int frames = 0; frames < 10; frames++) {
            Map<String, Object> presence = watcher.next();
            if (((Map<?, ?>) presence.get("member")).get("connectionId").equals(member.id())) {
                return presence;
            }
        }
        throw new AssertionError("no presence of " + member.id() + " in ten frames");
    }

    /** {@code name}, a new user allowed in every room. */
    private Client connect(String name) {
        return connect(newUser(), name, RoomAccess.EVERY_ROOM);
    }

    private Client connect(String userId, String name, RoomAccess rooms) {
        return connect(userId, name, rooms, LOBBY_PRESENCE);
    }

    private Client connect(String userId, String name, RoomAccess rooms, Predicate<String> ignored) {
        Set<String> known = connected.stream().map(Client::id).collect(Collectors.toSet());
        TestClient socket = TestClient.connect(webSocket(token(userId, name, rooms)), ignored);
        Client client = new Client(socket, activeConnectionOf(userId, known), userId);
        connected.add(client);
        return client;
    }

    /** The id of the user's active connection that is none of {@code known}: $connect wrote it before the handshake. */
    private static String activeConnectionOf(String userId, Set<String> known) {
        return rows.all().stream()
                .filter(row -> row.containsKey("UserId") && row.get("UserId").s().equals(userId))
                .filter(row -> !row.containsKey("DisconnectTime"))
                .map(row -> row.get("connectionId").s())
                .filter(candidate -> !known.contains(candidate))
                .findFirst().orElseThrow();
    }

    /** Joins {@code room} and returns the joined frame. */
    private static Map<String, Object> join(Client client, String room) {
        client.send("{\"action\":\"join\",\"room\":\"" + room + "\"}");
        Map<String, Object> joined = client.next();
        assertThat(joined).containsEntry("type", "joined").containsEntry("room", room);
        return joined;
    }

    private static Map<String, Object> members(Client client, String room) {
        client.send("{\"action\":\"members\",\"room\":\"" + room + "\"}");
        Map<String, Object> members = client.next();
        assertThat(members).containsEntry("type", "members").containsEntry("room", room);
        return members;
    }

    private void assertLeftTheRoom(Map<String, Object> presence, String connectionId) {
        assertThat(presence).containsEntry("type", "presence").containsEntry("room", design).containsEntry("event", "leave")
                .containsEntry("count", 2).hasEntrySatisfying("member",
                        member -> assertThat(((Map<?, ?>) member).get("connectionId")).isEqualTo(connectionId));
    }

    /** {@code field} of each member a joined or members frame lists. */
    private static List<Object> fieldOfEach(Map<String, Object> page, String field) {
        return ((List<?>) page.get("members")).stream().<Object>map(member -> ((Map<?, ?>) member).get(field)).toList();
    }

    private static Map<String, Object> member(Client client, String name) {
        return Map.of("userId", client.userId(), "connectionId", client.id(), "name", name);
    }

    private static String newUser() {
        return "user-" + USERS.incrementAndGet();
    }

    private static String token(String userId, String name, RoomAccess rooms) {
        return new TokenIssuer(SigningKey.fromText(SECRET), Clock.systemUTC(), TokenRules.DEFAULT)
                .issue(new Principal(new UserId(userId), new DisplayName(name), rooms), Duration.ofMinutes(5));
    }

    private static String adminToken() {
        return new TokenIssuer(SigningKey.fromText(SECRET), Clock.systemUTC(), TokenRules.DEFAULT).issue(new Principal(
                new UserId("ops-1"), new DisplayName("Ops"), RoomAccess.EVERY_ROOM, Role.ADMIN), Duration.ofMinutes(5));
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static URI webSocket(String token) {
        return URI.create(parley.gateway().urls().webSocket() + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }
}
