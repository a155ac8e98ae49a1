package dev.parley.local;

import static dev.parley.local.ParleyCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.adapter.out.dynamodb.ChatHistoryTable;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbHistorySettings;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbMessageHistory;
import dev.parley.chat.auth.Principal;
import dev.parley.chat.auth.SigningKey;
import dev.parley.chat.auth.TokenIssuer;
import dev.parley.chat.auth.TokenRules;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.RoomAccess;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.service.ResetHistoryService;
import dev.parley.local.gateway.TestClient;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * History through the whole local stack on dynalite, with authorization on (a resend is recognised per user) and a
 * history window of 250: a member that was offline while 200 messages were sent gets every one of them, in order and
 * once, when it resumes; one that missed more than the window gets the exact gap and the latest 50; one whose room was
 * reset gets a gap of reason epoch; a message sent again with its clientId after a drop is acknowledged with the
 * first one's id and seq and delivered once; history pages back in frames under 32 KB. Presence frames are ignored.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HistoryEndToEndTest {

    private static final String TABLE = "chatDetails-history";
    private static final String SECRET = "history-end-to-end-signing-secret-0123456789-abcdef";
    private static final String ADMIN_KEY = "history-end-to-end-admin-key-0123456789";
    private static final int WINDOW = 250;
    private static final String PING = "{\"action\":\"ping\"}";
    private static final AtomicInteger USERS = new AtomicInteger();
    private static final AtomicInteger ROOMS = new AtomicInteger();

    private static LocalDynamoDb dynalite;
    private static ParleyLocal parley;

    private final List<TestClient> connected = new ArrayList<>();
    /** Each test's room is new, so its seqs start at 1. */
    private final String room = "history-" + ROOMS.incrementAndGet();

    @BeforeAll
    static void startParley() {
        dynalite = LocalDynamoDb.start();
        parley = ParleyLocal.start(CommandLine.parse(Map.of("PARLEY_AUTH_SECRET", SECRET), "--port", "0",
                "--dynamodb-endpoint", dynalite.endpoint().toString(), "--table", TABLE, "--admin-key", ADMIN_KEY,
                "--history-window", Integer.toString(WINDOW), "--send-rate", "100000", "--send-burst", "100000"));
    }

    @AfterAll
    static void stopParley() {
        parley.close();
        dynalite.close();
    }

    @AfterEach
    void closeEveryConnection() {
        connected.stream().filter(client -> !client.isClosed()).forEach(TestClient::abort);
    }

    @Test
    void givenAMemberOfflineWhile200MessagesWereSent_itsResume_replaysAllOfThemInOrderOnce_thenLiveOnes() {
        Offline bob = bobSawTheFirstMessageAndLeft();

        List<Map<String, Object>> acks = IntStream.rangeClosed(1, 200).mapToObj(n -> say(bob.ann(), "missed " + n, null))
                .toList();
        TestClient bobAgain = connect(bob.user(), "Bob");
        bobAgain.send(resume(bob.epoch(), 1));

        Map<String, Object> rejoined = json(bobAgain.next());
        assertThat(rejoined).containsEntry("type", "joined").containsEntry("room", room)
                .containsEntry("epoch", bob.epoch()).containsEntry("seq", 201).containsEntry("clientId", "r-1");
        List<Map<String, Object>> replayed = IntStream.range(0, 200).mapToObj(n -> json(bobAgain.next())).toList();
        assertThat(replayed).allSatisfy(message -> assertThat(message).containsEntry("type", "message")
                .containsEntry("room", room).containsEntry("replay", true));
        assertThat(replayed).extracting(message -> message.get("seq"))
                .containsExactlyElementsOf(IntStream.rangeClosed(2, 201).boxed().toList());
        assertThat(replayed).extracting(message -> message.get("message"))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 200).mapToObj(n -> "missed " + n).toList());
        assertThat(replayed).extracting(message -> message.get("id"))
                .containsExactlyElementsOf(acks.stream().map(ack -> ack.get("id")).toList());

        say(bob.ann(), "live", null);
        assertThat(json(bobAgain.next())).containsEntry("message", "live").containsEntry("seq", 202)
                .doesNotContainKey("replay");
        assertNothingElse(bobAgain);
    }

    @Test
    void givenMoreMissedThanTheWindow_resume_isTheExactGapThenTheLatest50() {
        Offline bob = bobSawTheFirstMessageAndLeft();

        IntStream.rangeClosed(1, WINDOW + 50).forEach(n -> say(bob.ann(), "missed " + n, null));
        TestClient bobAgain = connect(bob.user(), "Bob");
        bobAgain.send(resume(bob.epoch(), 1));

        assertThat(json(bobAgain.next())).containsEntry("type", "joined").containsEntry("seq", WINDOW + 51);
        assertThat(json(bobAgain.next())).isEqualTo(Map.of("type", "gap", "room", room, "from", 2, "to", WINDOW + 1,
                "reason", "window"));
        List<Map<String, Object>> latest = IntStream.range(0, 50).mapToObj(n -> json(bobAgain.next())).toList();
        assertThat(latest).extracting(message -> message.get("seq"))
                .containsExactlyElementsOf(IntStream.rangeClosed(WINDOW + 2, WINDOW + 51).boxed().toList());
        assertThat(latest).allSatisfy(message -> assertThat(message).containsEntry("replay", true));
        assertNothingElse(bobAgain);
    }

    @Test
    void givenTheRoomsHistoryReset_resumeFromTheOldEpoch_isAGapOfReasonEpochThenTheNewEpochsMessages() {
        TestClient ann = connect(newUser(), "Ann");
        TestClient bob = connect(newUser(), "Bob");
        join(ann);
        Map<String, Object> joined = join(bob);
        say(ann, "before the reset", null);
        bob.next();

        String newEpoch = new ResetHistoryService(new DynamoDbMessageHistory(dynalite.client(),
                new DynamoDbHistorySettings(ChatHistoryTable.DEFAULT_NAME, 0))).reset(new RoomName(room)).epoch().value();
        assertThat(say(ann, "after the reset", null)).containsEntry("seq", 1);
        bob.next();
        bob.send(resume(joined.get("epoch"), 1));

        assertThat(json(bob.next())).containsEntry("type", "joined").containsEntry("epoch", newEpoch)
                .containsEntry("seq", 1);
        assertThat(json(bob.next())).isEqualTo(Map.of("type", "gap", "room", room, "from", 1, "to", 0,
                "reason", "epoch"));
        assertThat(json(bob.next())).containsEntry("message", "after the reset").containsEntry("seq", 1)
                .containsEntry("replay", true);
        assertNothingElse(bob);
    }

    @Test
    void givenAMessageSentAgainWithItsClientIdAfterADrop_itIsAckedWithTheFirstIdAndSeq_andDeliveredOnce() {
        String annUser = newUser();
        TestClient ann = connect(annUser, "Ann");
        TestClient bob = connect(newUser(), "Bob");
        join(ann);
        join(bob);
        Map<String, Object> first = say(ann, "are you there?", "m-42");
        assertThat(json(bob.next())).containsEntry("message", "are you there?").containsEntry("id", first.get("id"));
        ann.abort();

        TestClient annAgain = connect(annUser, "Ann");
        join(annAgain);
        Map<String, Object> again = say(annAgain, "are you there?", "m-42");

        assertThat(again).containsEntry("id", first.get("id")).containsEntry("seq", first.get("seq"))
                .containsEntry("repeat", true).containsEntry("recipients", 0).containsEntry("clientId", "m-42");
        assertNothingElse(bob);
        assertThat(say(annAgain, "a new one", "m-43")).containsEntry("seq", 2).doesNotContainKey("repeat");
    }

    @Test
    void givenMessagesOf30Kb_history_pagesBackInFramesUnder32Kb() {
        TestClient ann = connect(newUser(), "Ann");
        join(ann);
        String thirtyKb = "é".repeat(15 * 1024);
        IntStream.rangeClosed(1, 3).forEach(n -> say(ann, n + thirtyKb, null));

        ann.send("{\"action\":\"history\",\"room\":\"" + room + "\",\"limit\":2,\"clientId\":\"h-1\"}");
        String firstFrame = ann.next();
        String secondFrame = ann.next();

        assertThat(List.of(firstFrame, secondFrame)).allSatisfy(frame ->
                assertThat(frame.getBytes(StandardCharsets.UTF_8).length).isBetween(30 * 1024, 32_000));
        assertThat(json(firstFrame)).containsEntry("type", "history").containsEntry("continues", true)
                .containsEntry("more", true).containsEntry("clientId", "h-1");
        assertThat(json(secondFrame)).doesNotContainKey("continues").containsEntry("more", true);
        assertThat(List.of(json(firstFrame), json(secondFrame)))
                .flatExtracting(frame -> (List<?>) frame.get("messages"))
                .extracting(message -> (Object) ((Map<?, ?>) message).get("seq"))
                .containsExactly((Object) 2, 3);
        assertNothingElse(ann);
    }

    /** Bob, who saw seq 1 of the room's {@code epoch} and closed his connection; Ann, still in the room. */
    private record Offline(TestClient ann, String user, Object epoch) {}

    private Offline bobSawTheFirstMessageAndLeft() {
        String bobUser = newUser();
        TestClient ann = connect(newUser(), "Ann");
        TestClient bob = connect(bobUser, "Bob");
        join(ann);
        Map<String, Object> joined = join(bob);
        say(ann, "seen", null);
        assertThat(json(bob.next())).containsEntry("message", "seen").containsEntry("seq", 1);
        bob.close();
        return new Offline(ann, bobUser, joined.get("epoch"));
    }

    private Map<String, Object> join(TestClient client) {
        client.send("{\"action\":\"join\",\"room\":\"" + room + "\"}");
        Map<String, Object> joined = json(client.next());
        assertThat(joined).containsEntry("type", "joined").containsEntry("room", room);
        return joined;
    }

    private String resume(Object epoch, long seq) {
        return "{\"action\":\"join\",\"room\":\"" + room + "\",\"since\":{\"epoch\":\"" + epoch + "\",\"seq\":" + seq
                + "},\"clientId\":\"r-1\"}";
    }

    /** Sends {@code text} to the room, with {@code clientId} unless null, and returns the acknowledgement. */
    private Map<String, Object> say(TestClient sender, String text, String clientId) {
        sender.send("{\"action\":\"sendMessage\",\"room\":\"" + room + "\",\"Message\":\"" + text + "\""
                + (clientId == null ? "" : ",\"clientId\":\"" + clientId + "\"") + "}");
        Map<String, Object> ack = json(sender.next());
        assertThat(ack).containsEntry("type", "ack");
        return ack;
    }

    private static void assertNothingElse(TestClient client) {
        client.send(PING);
        assertThat(json(client.next())).isEqualTo(Map.of("type", "pong"));
    }

    private TestClient connect(String userId, String name) {
        String token = new TokenIssuer(SigningKey.fromText(SECRET), Clock.systemUTC(), TokenRules.DEFAULT)
                .issue(new Principal(new UserId(userId), new DisplayName(name), RoomAccess.EVERY_ROOM),
                        Duration.ofMinutes(5));
        TestClient client = TestClient.connect(URI.create(parley.gateway().urls().webSocket() + "?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8)), text -> text.startsWith("{\"type\":\"presence\""));
        connected.add(client);
        return client;
    }

    private static String newUser() {
        return "history-user-" + USERS.incrementAndGet();
    }
}
