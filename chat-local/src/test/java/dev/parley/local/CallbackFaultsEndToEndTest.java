package dev.parley.local;

import static dev.parley.local.ParleyCalls.json;
import static dev.parley.local.ParleyCalls.sendMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.adapter.out.apigateway.PublisherSettings;
import dev.parley.chat.wiring.ChatConfiguration;
import dev.parley.local.gateway.CallbackCounts;
import dev.parley.local.gateway.CallbackFaults;
import dev.parley.local.gateway.CallbackFaults.Fault;
import dev.parley.local.gateway.LocalGateway;
import dev.parley.local.gateway.RawWebSocket;
import dev.parley.local.gateway.TestClient;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbRegistrySettings;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What Parley does when {@code @connections} fails some recipients (410, 429, 500, a client that never reads), with
 * the real handlers on the local gateway and dynalite: the faults are injected through the gateway's builder.
 */
@Timeout(60)
class CallbackFaultsEndToEndTest {

    private static final AtomicInteger TABLES = new AtomicInteger();
    private static final Duration QUIET = Duration.ofMillis(300);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static LocalDynamoDb dynalite;

    private final CallbackFaults faults = new CallbackFaults();
    private final List<AutoCloseable> started = new ArrayList<>();
    private LocalGateway gateway;
    private ChatRows rows;

    @BeforeAll
    static void startDynalite() {
        dynalite = LocalDynamoDb.start();
    }

    @AfterAll
    static void stopDynalite() {
        dynalite.close();
    }

    @AfterEach
    void stopParley() throws Exception {
        // The clients first, so the gateway's close finds no client that never reads.
        for (int last = started.size() - 1; last >= 0; last--) {
            started.get(last).close();
        }
    }

    @Test
    void givenRecipientsAnswering410And429And500_broadcast_reportsEachOutcomeRetriesAndDeliversExactlyOneCopy()
            throws Exception {
        startParley(UnaryOperator.identity());
        Recipients recipients = connectRecipientsWithFaults();
        CallbackCounts connected = gateway.callbackCounts();

        HttpResponse<String> report = ParleyCalls.broadcast(gateway.urls(), "hello all").get(30, TimeUnit.SECONDS);

        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(json(report.body())).containsEntry("attempted", 4).containsEntry("delivered", 3)
                .containsEntry("gone", 1).containsEntry("failed", 0);
        assertExactlyOneCopyReachedTheLiveOnes(recipients, "broadcast", "hello all");
        assertFaultsInjectedAndGoneMarked(recipients);
        CallbackCounts now = gateway.callbackCounts();
        assertThat(List.of(now.posts() - connected.posts(), now.delivered() - connected.delivered(),
                        now.gone() - connected.gone(), now.throttled() - connected.throttled()))
                .as("posts, delivered, gone, throttled: 1 + 3 + 2 + 1 posts, both retries of the 429s and the one of"
                        + " the 500; then the gone one's leave announced to the three others in the lobby")
                .containsExactly(10L, 6L, 1L, 2L);
        rows.awaitAttribute(recipients.normal().id(), "BroadcastMessage");
        rows.assertEveryRowWhole();

        HttpResponse<String> again = ParleyCalls.broadcast(gateway.urls(), "again").get(30, TimeUnit.SECONDS);
        assertThat(json(again.body())).containsEntry("attempted", 3).containsEntry("delivered", 3).containsEntry("gone", 0);
        assertExactlyOneCopyReachedTheLiveOnes(recipients, "broadcast", "again");
        assertThat(faults.injected(recipients.gone().id())).as("the gone connection is not sent to again").isEqualTo(1);
    }

    @Test
    void givenRecipientsAnswering410And429And500_sendMessage_acksTheDeliveredOnesAndEachLiveOneGetsOneCopy()
            throws Exception {
        startParley(UnaryOperator.identity());
        // Before the faults: its own arrival in the lobby is announced to the others.
        TestClient ann = connect("Ann");
        Recipients recipients = connectRecipientsWithFaults();

        ann.send(sendMessage("hi everyone", "m1"));

        assertThat(json(ann.next())).containsEntry("type", "ack").containsEntry("clientId", "m1")
                .containsEntry("recipients", 3);
        assertExactlyOneCopyReachedTheLiveOnes(recipients, "message", "hi everyone");
        assertFaultsInjectedAndGoneMarked(recipients);
        rows.assertEveryRowWhole();
    }

    @Test
    void givenClientThatNeverReads_broadcastAndMessage_reachTheOthersAtOnceWhileItIsThrottledThenCountedFailed()
            throws Exception {
        startParley(builder -> builder.outboundBufferBytes(64 * 1024));
        TestClient ann = connect("Ann");
        TestClient bob = connect("Bob");
        RawWebSocket stalled = RawWebSocket.connect(URI.create(gateway.urls().webSocket() + "?name=Sid"));
        started.add(stalled);
        String stalledId = rows.idsByName().get("Sid");
        // Fills the socket's buffers, then the gateway's 64 KB: from then on @connections answers it 429. The kernel
        // grows a socket's buffers while they fill, so one 429 is not yet the end: full is 429 after a pause, thrice.
        String large = "x".repeat(100_000);
        int filled = 0;
        for (int refusedInARow = 0; refusedInARow < 3; ) {
            if (post(stalledId, large).statusCode() == 200) {
                refusedInARow = 0;
                assertThat(++filled).as("sends before the stalled client's buffer was full").isLessThan(1000);
            } else {
                refusedInARow++;
                Thread.sleep(200);
            }
        }
        long throttledBefore = gateway.callbackCounts().throttled();

        CompletableFuture<HttpResponse<String>> broadcast = ParleyCalls.broadcast(gateway.urls(), "to all");
        assertThat(json(ann.next())).containsEntry("message", "to all");
        assertThat(json(bob.next())).containsEntry("message", "to all");
        assertThat(broadcast).as("the others are served while the stalled client's sends are still retried").isNotDone();
        assertThat(json(broadcast.get(30, TimeUnit.SECONDS).body())).containsEntry("attempted", 3)
                .containsEntry("delivered", 2).containsEntry("gone", 0).containsEntry("failed", 1);
        assertThat(gateway.callbackCounts().throttled() - throttledBefore).as("every attempt of the publisher met a 429")
                .isEqualTo(PublisherSettings.defaults().maxAttempts());

        ann.send(sendMessage("still there?", "m1"));
        assertThat(json(bob.next())).containsEntry("message", "still there?");
        assertThat(json(ann.next())).containsEntry("type", "ack").containsEntry("recipients", 1);
        assertThat(rows.row(stalledId)).as("throttled is not gone: the connection stays")
                .containsKey("ActiveShard").doesNotContainKey("DisconnectTime");
    }

    /** {@code POST @connections/{id}}, signed as the SDKs sign it (the gateway checks the scheme, not the signature). */
    private HttpResponse<String> post(String connectionId, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(gateway.urls().callback() + "/@connections/"
                                + URLEncoder.encode(connectionId, StandardCharsets.UTF_8)))
                        .header("Authorization", "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/execute-api/"
                                + "aws4_request, SignedHeaders=host;x-amz-date, Signature=0")
                        .timeout(TestClient.WAIT)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** ParleyLocal with the test's faults, on a new table of the class's dynalite. */
    private void startParley(UnaryOperator<LocalGateway.Builder> settings) {
        String table = "chatDetails-faults-" + TABLES.incrementAndGet();
        ParleyLocal parley = ParleyLocal.start(LocalOptions.parse("--port", "0",
                        "--dynamodb-endpoint", dynalite.endpoint().toString(), "--table", table),
                builder -> settings.apply(builder.callbackFaults(faults)));
        started.add(parley);
        gateway = parley.gateway();
        rows = new ChatRows(dynalite.client(), table);
    }

    private TestClient connect(String name) {
        TestClient client = ParleyCalls.connect(gateway.urls(), name);
        started.add(client::abort);
        return client;
    }

    /** Four clients: one whose sends always answer 410, one 429 twice, one 500 once, one with no fault. */
    private Recipients connectRecipientsWithFaults() {
        TestClient gus = connect("Gus");
        TestClient tia = connect("Tia");
        TestClient fay = connect("Fay");
        TestClient nat = connect("Nat");
        Map<String, String> ids = rows.idsByName();
        var recipients = new Recipients(new Recipient(gus, ids.get("Gus")), new Recipient(tia, ids.get("Tia")),
                new Recipient(fay, ids.get("Fay")), new Recipient(nat, ids.get("Nat")));
        // Long open, as a vanished client is: a 410 within its opening time would prove nothing.
        rows.backdate(recipients.gone().id());
        faults.failAlways(recipients.gone().id(), Fault.GONE)
                .failNext(recipients.throttled().id(), Fault.THROTTLED, Fault.THROTTLED)
                .failNext(recipients.failing().id(), Fault.INTERNAL_ERROR);
        return recipients;
    }

    private void assertExactlyOneCopyReachedTheLiveOnes(Recipients recipients, String type, String message)
            throws InterruptedException {
        for (Recipient live : recipients.live()) {
            assertThat(json(live.client().next())).containsEntry("type", type).containsEntry("message", message);
        }
        for (Recipient recipient : recipients.all()) {
            recipient.client().expectNothingFor(QUIET);
        }
    }

    private void assertFaultsInjectedAndGoneMarked(Recipients recipients) throws InterruptedException {
        assertThat(recipients.all()).extracting(recipient -> faults.injected(recipient.id()))
                .containsExactly(1L, 2L, 1L, 0L);
        Map<String, AttributeValue> goneRow = rows.awaitAttribute(recipients.gone().id(), "DisconnectTime");
        assertThat(goneRow.get("DisconnectReason").s()).contains("410");
        assertThat(goneRow).doesNotContainKey("ActiveShard");
        // The table's time to live removes the row once the retention after its disconnection is over.
        assertThat(Long.parseLong(goneRow.get("ExpiresAt").n())).isEqualTo(Instant.parse(goneRow.get("DisconnectTime").s())
                .plus(DynamoDbRegistrySettings.DEFAULT_RETENTION).getEpochSecond());
    }

    private record Recipient(TestClient client, String id) {}

    private record Recipients(Recipient gone, Recipient throttled, Recipient failing, Recipient normal) {

        List<Recipient> all() {
            return List.of(gone, throttled, failing, normal);
        }

        List<Recipient> live() {
            return List.of(throttled, failing, normal);
        }
    }
}
