package dev.parley.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.auth.Principal;
import dev.parley.chat.auth.SigningKey;
import dev.parley.chat.auth.TokenIssuer;
import dev.parley.chat.auth.TokenRules;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.UserId;
import dev.parley.local.gateway.TestClient;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The per-user limits through the whole local stack: real WebSocket clients sending faster than the limit the gateway
 * was started with, or opening more connections than a user may, the real handlers and authorizer, and the items they
 * leave in dynalite.
 */
class UserLimitsEndToEndTest {

    private static final String SECRET = "end-to-end-signing-secret-0123456789-abcdefgh";
    private static final String ADMIN_KEY = "end-to-end-admin-key-0123456789";
    private static final String PING = "{\"action\":\"ping\"}";
    private static final int BURST = 3;
    /** Slow enough that hardly any token refills while the burst is being sent, even on a slow machine. */
    private static final double PER_SECOND = 0.5;
    private static final int SENT = 8;

    private static LocalDynamoDb dynalite;
    private static DynamoDbClient dynamoDb;

    private ParleyLocal parley;

    @BeforeAll
    static void startDynalite() {
        dynalite = LocalDynamoDb.start();
        dynamoDb = dynalite.client();
    }

    @AfterAll
    static void stopDynalite() {
        dynalite.close();
    }

    @AfterEach
    void stopParley() {
        if (parley != null) {
            parley.close();
        }
    }

    @Test
    void givenSmallSendRate_clientSendingMoreThanTheBurstAtOnce_getsRateLimitedAndOnlyTheAcceptedOnesAreStoredAndDelivered()
            throws Exception {
        startAnonymous();
        TestClient ann = connect("Ann");
        TestClient bob = connect("Bob");

        long started = System.nanoTime();
        IntStream.rangeClosed(1, SENT).forEach(n -> ann.send(numbered(n)));
        List<Map<String, Object>> answers = new ArrayList<>();
        for (int n = 1; n <= SENT; n++) {
            answers.add(json(ann.next()));
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        List<String> acked = clientIdsOf(answers, "ack");
        List<Map<String, Object>> limited = answers.stream().filter(answer -> "RATE_LIMITED".equals(answer.get("code"))).toList();
        assertThat(acked).startsWith("m1", "m2", "m3")
                .hasSizeLessThanOrEqualTo(BURST + (int) (PER_SECOND * elapsed.toNanos() / 1e9));
        assertThat(acked.size() + limited.size()).isEqualTo(SENT);
        assertThat(limited).isNotEmpty().allSatisfy(error -> {
            assertThat(error).containsEntry("type", "error").containsKey("clientId");
            assertThat(((Number) error.get("retryAfterMs")).longValue()).isBetween(1L, (long) (1000 / PER_SECOND));
            assertThat((String) error.get("message")).contains("not handled");
        });

        // Bob gets exactly the accepted messages; the table keeps the last of them, and apart from it the bucket left.
        List<String> delivered = new ArrayList<>();
        for (int n = 0; n < acked.size(); n++) {
            delivered.add((String) json(bob.next()).get("message"));
        }
        bob.expectNothingFor(Duration.ofMillis(300));
        assertThat(delivered).containsExactlyElementsOf(acked.stream().map(id -> "message " + id.substring(1)).toList());
        Map<String, AttributeValue> annRow = rowOf("Ann");
        assertThat(annRow.get("Message").s()).isEqualTo(delivered.get(delivered.size() - 1));
        Map<String, AttributeValue> allowance = itemOf("limit#allowance#connection:" + annRow.get("connectionId").s());
        assertThat(new BigDecimal(allowance.get("SendTokens").n())).isLessThan(BigDecimal.ONE);
        assertThat(allowance).containsKeys("SendTokensAt", "ExpiresAt");

        // Once the wait the last refusal named is over, the next message goes through.
        Map<String, Object> lastRefusal = limited.get(limited.size() - 1);
        Thread.sleep(((Number) lastRefusal.get("retryAfterMs")).longValue());
        ann.send(numbered(SENT + 1));
        assertThat(json(ann.next())).containsEntry("type", "ack").containsEntry("clientId", "m" + (SENT + 1));
        assertThat(json(bob.next())).containsEntry("message", "message " + (SENT + 1));
    }

    @Test
    void givenSmallBurst_pingsAndFramesThatAreRefused_spendItSoTheNextMessageIsRateLimited() throws Exception {
        startAnonymous();
        TestClient ann = connect("Ann");
        TestClient bob = connect("Bob");

        ann.send(PING);
        ann.send("not json");
        ann.send(ParleyCalls.sendMessage("to nobody", "m0").replace("}", ",\"to\":\"bm9ib2R5\"}"));
        List<String> answers = List.of(ann.next(), ann.next(), ann.next());
        ann.send(numbered(1));

        assertThat(answers).extracting(answer -> json(answer).get("type")).containsExactly("pong", "error", "error");
        assertThat(json(answers.get(2))).containsEntry("code", "UNKNOWN_RECIPIENT");
        assertThat(json(ann.next())).containsEntry("code", "RATE_LIMITED").containsEntry("clientId", "m1");
        bob.expectNothingFor(Duration.ofMillis(300));
    }

    @Test
    void givenAUserWhoSpentTheBurst_reconnecting_doesNotRefillIt() throws Exception {
        startAuthorized();
        String ann = token("user-ann", "Ann");
        TestClient first = connectAs(ann);
        IntStream.range(0, BURST).forEach(n -> first.send(PING));
        for (int n = 0; n < BURST; n++) {
            assertThat(json(first.next())).containsEntry("type", "pong");
        }
        first.close();

        TestClient second = connectAs(ann);
        second.send(numbered(1));

        assertThat(json(second.next())).containsEntry("type", "error").containsEntry("code", "RATE_LIMITED")
                .containsEntry("clientId", "m1");
        TestClient bob = connectAs(token("user-bob", "Bob"));
        bob.send(PING);
        assertThat(json(bob.next())).as("another user's bucket").containsEntry("type", "pong");
    }

    @Test
    void givenAUserWithFiveConnections_aSixthHandshake_isRefusedWith429UntilOneCloses() throws Exception {
        startAuthorized();
        String cy = token("user-cy", "Cy");
        List<TestClient> tabs = new ArrayList<>();
        for (int tab = 0; tab < 5; tab++) {
            tabs.add(connectAs(cy));
        }

        assertThatThrownBy(() -> TestClient.attempt(withToken(cy)).join()).cause()
                .isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        refused -> assertThat(refused.getResponse().statusCode()).isEqualTo(429));
        TestClient dee = connectAs(token("user-dee", "Dee"));
        tabs.get(0).close();

        // The place is given back by the $disconnect the close starts, which runs after the close completes.
        long deadline = System.nanoTime() + TestClient.WAIT.toNanos();
        TestClient sixth = null;
        while (sixth == null) {
            try {
                sixth = ParleyCalls.connect(withToken(cy));
            } catch (RuntimeException stillFull) {
                if (System.nanoTime() > deadline) {
                    throw stillFull;
                }
                Thread.sleep(50);
            }
        }
        sixth.send(PING);
        assertThat(json(sixth.next())).containsEntry("type", "pong");
        assertThat(dee.isClosed()).isFalse();
    }

    private void startAnonymous() {
        parley = ParleyLocal.start(LocalOptions.parse("--port", "0", "--dynamodb-endpoint", dynalite.endpoint().toString(),
                "--table", "chatDetails-rate", "--send-rate", Double.toString(PER_SECOND), "--send-burst", Integer.toString(BURST)));
    }

    private void startAuthorized() {
        parley = ParleyLocal.start(CommandLine.parse(Map.of("PARLEY_AUTH_SECRET", SECRET), "--port", "0",
                "--dynamodb-endpoint", dynalite.endpoint().toString(), "--table", "chatDetails-rate",
                "--admin-key", ADMIN_KEY, "--send-rate", Double.toString(PER_SECOND), "--send-burst", Integer.toString(BURST)));
    }

    private static String token(String userId, String name) {
        return new TokenIssuer(SigningKey.fromText(SECRET), Clock.systemUTC(), TokenRules.DEFAULT)
                .issue(new Principal(new UserId(userId), new DisplayName(name)), Duration.ofMinutes(5));
    }

    private URI withToken(String token) {
        return URI.create(parley.gateway().urls().webSocket() + "?token=" + token);
    }

    private TestClient connectAs(String token) {
        return ParleyCalls.connect(withToken(token));
    }

    private TestClient connect(String name) {
        return ParleyCalls.connect(parley.gateway().urls(), name);
    }

    /** The {@code n}th message, with clientId {@code m<n>}. */
    private static String numbered(int n) {
        return "{\"action\":\"sendMessage\",\"Message\":\"message " + n + "\",\"clientId\":\"m" + n + "\"}";
    }

    private static List<String> clientIdsOf(List<Map<String, Object>> answers, String type) {
        return answers.stream().filter(answer -> type.equals(answer.get("type")))
                .map(answer -> (String) answer.get("clientId"))
                .collect(Collectors.toList());
    }

    private static Map<String, AttributeValue> rowOf(String displayName) {
        return dynamoDb.scanPaginator(request -> request.tableName("chatDetails-rate")).items().stream()
                .filter(item -> item.containsKey("DisplayName") && displayName.equals(item.get("DisplayName").s()))
                .filter(item -> !item.containsKey("DisconnectTime"))
                .findFirst()
                .orElseThrow();
    }

    private static Map<String, AttributeValue> itemOf(String key) {
        return dynamoDb.getItem(request -> request.tableName("chatDetails-rate")
                .key(Map.of("connectionId", AttributeValue.fromS(key))).consistentRead(true)).item();
    }

    private static Map<String, Object> json(String text) {
        return ParleyCalls.json(text);
    }
}
