package dev.parley.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.parley.local.gateway.TestClient;
import java.io.IOException;
import java.math.BigDecimal;
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
 * The per-connection send rate through the whole local stack: a real WebSocket client sending faster than the
 * limit the gateway was started with, the real handlers, and the rows they leave in dynalite.
 */
class SendRateLimitEndToEndTest {

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
        parley = ParleyLocal.start(LocalOptions.parse("--port", "0", "--dynamodb-endpoint", dynalite.endpoint().toString(),
                "--table", "chatDetails-rate", "--send-rate", Double.toString(PER_SECOND), "--send-burst", Integer.toString(BURST)));
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
            assertThat((String) error.get("message")).contains("not sent");
        });

        // Bob gets exactly the accepted messages, and the table keeps the last of them with the bucket it left.
        List<String> delivered = new ArrayList<>();
        for (int n = 0; n < acked.size(); n++) {
            delivered.add((String) json(bob.next()).get("message"));
        }
        bob.expectNothingFor(Duration.ofMillis(300));
        assertThat(delivered).containsExactlyElementsOf(acked.stream().map(id -> "message " + id.substring(1)).toList());
        Map<String, AttributeValue> annRow = rowOf("Ann");
        assertThat(annRow.get("Message").s()).isEqualTo(delivered.get(delivered.size() - 1));
        assertThat(new BigDecimal(annRow.get("SendTokens").n())).isLessThan(BigDecimal.ONE);
        assertThat(annRow).containsKey("SendTokensAt");

        // Once the wait the last refusal named is over, the next message goes through.
        Map<String, Object> lastRefusal = limited.get(limited.size() - 1);
        Thread.sleep(((Number) lastRefusal.get("retryAfterMs")).longValue());
        ann.send(numbered(SENT + 1));
        assertThat(json(ann.next())).containsEntry("type", "ack").containsEntry("clientId", "m" + (SENT + 1));
        assertThat(json(bob.next())).containsEntry("message", "message " + (SENT + 1));
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
                .filter(item -> displayName.equals(item.get("DisplayName").s()))
                .findFirst()
                .orElseThrow();
    }

    private static Map<String, Object> json(String text) throws IOException {
        return JSON.std.mapFrom(text);
    }
}
