package dev.parley.local;

import static dev.parley.local.ParleyCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.adapter.out.dynamodb.DynamoDbConnectionRegistry;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbRegistrySettings;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.local.gateway.CallbackFaults;
import dev.parley.local.gateway.CallbackFaults.Fault;
import dev.parley.local.gateway.LocalGateway;
import dev.parley.local.gateway.TestClient;
import dev.parley.local.gateway.VirtualConnections;
import dev.parley.local.gateway.sqs.EmbeddedSqs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Broadcasts beyond the inline limit through chat-local end to end: the real handlers, dynalite, an embedded
 * ElasticMQ and the worker invoked by the emulated SQS event source, to virtual connections that count their copies.
 */
@Timeout(120)
class QueuedBroadcastEndToEndTest {

    private static final AtomicInteger TABLES = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TestClient.WAIT).build();
    private static final Duration DONE_WITHIN = Duration.ofSeconds(60);

    private static LocalDynamoDb dynalite;

    private final CallbackFaults faults = new CallbackFaults();
    private final List<AutoCloseable> started = new ArrayList<>();
    private ParleyLocal parley;
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
        for (int last = started.size() - 1; last >= 0; last--) {
            started.get(last).close();
        }
    }

    @Test
    void aBroadcastBeyondTheLimit_isAnswered202_andReachesEveryoneOnce_withCountersThatNeverGoBack() throws Exception {
        List<String> audience = startParley(25, "--broadcast-inline-limit", "2", "--broadcast-page-size", "3");

        HttpResponse<String> accepted = post("{\"message\":\"to all\"}", Map.of());

        assertThat(accepted.statusCode()).isEqualTo(202);
        Map<String, Object> answer = json(accepted.body());
        assertThat(answer).containsOnlyKeys("broadcastId", "state", "statusUrl").containsEntry("state", "queued");
        Map<String, Object> done = awaitDone((String) answer.get("statusUrl"));
        assertThat(done).containsEntry("attempted", 25).containsEntry("delivered", 25).containsEntry("gone", 0)
                .containsEntry("failed", 0).containsKey("finishedAt");
        assertThat(audience).allSatisfy(id -> assertThat(virtual.copiesTo(id)).as(id).isEqualTo(1));
        assertThat(audience).allSatisfy(id -> assertThat(rows.row(id)).containsKeys("BroadcastMessage",
                "LatestBroadcasttime"));
        assertThat(parley.broadcastWorkers().counts().invocations()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aSmallBroadcast_isAnsweredInlineWith200AsBefore_andPreferRespondAsyncQueuesIt() throws Exception {
        List<String> audience = startParley(2, "--broadcast-inline-limit", "2");

        HttpResponse<String> inline = post("{\"message\":\"inline\"}", Map.of());
        HttpResponse<String> queued = post("{\"message\":\"queued\"}", Map.of("Prefer", "respond-async"));

        assertThat(inline.statusCode()).isEqualTo(200);
        assertThat(json(inline.body())).containsEntry("attempted", 2).containsEntry("delivered", 2);
        assertThat(queued.statusCode()).isEqualTo(202);
        assertThat(awaitDone((String) json(queued.body()).get("statusUrl"))).containsEntry("delivered", 2);
        assertThat(audience).allSatisfy(id -> assertThat(virtual.copiesTo(id)).isEqualTo(2));
    }

    @Test
    void withA429ForOneInFiveAndA410ForOneInAHundred_theBroadcastEndsDoneWithNothingFailed_andTheGoneMarked()
            throws Exception {
        List<String> audience = startParley(100, "--broadcast-inline-limit", "10", "--broadcast-page-size", "7");
        List<String> throttled = audience.subList(0, 20);
        String gone = audience.get(50);
        throttled.forEach(id -> faults.failNext(id, Fault.THROTTLED));
        faults.failAlways(gone, Fault.GONE);

        HttpResponse<String> accepted = post("{\"message\":\"through faults\"}", Map.of());

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(awaitDone((String) json(accepted.body()).get("statusUrl"))).containsEntry("attempted", 100)
                .containsEntry("delivered", 99).containsEntry("gone", 1).containsEntry("failed", 0);
        assertThat(throttled).allSatisfy(id -> assertThat(faults.injected(id)).isEqualTo(1));
        assertThat(audience.stream().filter(id -> !id.equals(gone)))
                .allSatisfy(id -> assertThat(virtual.copiesTo(id)).as(id).isEqualTo(1));
        assertThat(rows.awaitAttribute(gone, "DisconnectTime").get("DisconnectReason").s()).contains("410");
    }

    @Test
    void aWorkerKilledInTheMiddleOfAPage_leavesItToComeBack_soEveryoneGetsOneOrTwoCopiesAndTheCountersAreExact()
            throws Exception {
        // The visibility timeout outlasts a page's work even on a busy machine, as AWS advises (six times the
        // function's timeout): a page comes back only when its worker died.
        List<String> audience = startParley(30, "--broadcast-inline-limit", "0", "--broadcast-page-size", "30",
                "--broadcast-visibility-timeout", "8", "--callback-latency-ms", "400");
        long postsBefore = parley.gateway().callbackCounts().posts();

        HttpResponse<String> accepted = post("{\"message\":\"survives a crash\"}", Map.of());
        String statusUrl = (String) json(accepted.body()).get("statusUrl");
        awaitUntil(() -> parley.gateway().callbackCounts().posts() > postsBefore, "the worker began sending");
        assertThat(parley.broadcastWorkers().killRunningInvocations()).isEqualTo(1);

        assertThat(status(statusUrl)).containsEntry("delivered", 0);
        Map<String, Object> done = awaitDone(statusUrl);
        assertThat(done).containsEntry("attempted", 30).containsEntry("delivered", 30).containsEntry("failed", 0);
        assertThat(audience).allSatisfy(id -> assertThat(virtual.copiesTo(id)).as(id).isBetween(1, 2));
        assertThat(parley.broadcastWorkers().counts().killedInvocations()).isEqualTo(1);
    }

    @Test
    void aMessageNoWorkerCanHandle_isRetriedUntilTheQueueMovesItToTheDeadLetterQueue() throws Exception {
        startParley(1, "--broadcast-visibility-timeout", "1");
        BroadcastQueues queues = parley.broadcastQueues();

        queues.client().sendMessage(request -> request.queueUrl(queues.queueUrl()).messageBody("{\"not\":\"a page\"}"));

        List<Message> dead = new ArrayList<>();
        awaitUntil(() -> {
            dead.addAll(queues.client().receiveMessage(request -> request.queueUrl(queues.deadLetterQueueUrl())
                    .waitTimeSeconds(1)).messages());
            return !dead.isEmpty();
        }, "the message reached the dead-letter queue");
        assertThat(dead).extracting(Message::body).containsExactly("{\"not\":\"a page\"}");
        assertThat(parley.broadcastWorkers().counts().failedItems()).isEqualTo(5);
    }

    @Test
    void withTheQueueDown_aQueuedBroadcastIsA500AtOnce_andItsStatusSaysDoneWithNoRecipient() throws Exception {
        EmbeddedSqs sqs = EmbeddedSqs.start();
        List<String> audience = startParley(3, "--sqs-endpoint", sqs.endpoint().toString(), "--broadcast-inline-limit", "0");
        sqs.close();

        HttpResponse<String> refused = post("{\"message\":\"nowhere to go\"}", Map.of());

        assertThat(refused.statusCode()).isEqualTo(500);
        Map<String, Object> error = json(refused.body());
        assertThat(error).containsEntry("type", "error").containsEntry("code", "INTERNAL");
        String statusUrl = ((String) error.get("message")).replaceAll(".*(broadcasts/[0-9a-f-]{36}).*", "$1");
        assertThat(status(statusUrl)).containsEntry("state", "done").containsEntry("attempted", 0)
                .containsEntry("delivered", 0).containsEntry("failed", 0);
        assertThat(audience).allSatisfy(id -> assertThat(virtual.copiesTo(id)).isZero());
    }

    @Test
    void theStatusOfAMalformedOrUnknownId_is400Or404WithTheErrorObject() throws Exception {
        startParley(1);

        HttpResponse<String> malformed = get("broadcasts/not-an-id");
        HttpResponse<String> unknown = get("broadcasts/0b7c2d8e-51a4-4c1e-9a55-2f3c9d1e8a70");

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed.body())).containsEntry("code", "INVALID_BROADCAST_ID");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown.body())).containsEntry("code", "UNKNOWN_BROADCAST");
    }

    private VirtualConnections virtual;

    /** ParleyLocal on a new table, with {@code connections} virtual connections registered long ago. */
    private List<String> startParley(int connections, String... options) {
        String table = "chatDetails-queued-" + TABLES.incrementAndGet();
        List<String> ids = IntStream.range(0, connections).mapToObj(n -> String.format("vq%06d%03d=", n, TABLES.get()))
                .toList();
        virtual = VirtualConnections.of(ids);
        List<String> args = new ArrayList<>(List.of("--port", "0", "--dynamodb-endpoint", dynalite.endpoint().toString(),
                "--table", table));
        args.addAll(List.of(options));
        UnaryOperator<LocalGateway.Builder> settings = builder -> builder.callbackFaults(faults).virtualConnections(virtual);
        parley = ParleyLocal.start(LocalOptions.parse(args.toArray(String[]::new)), settings);
        started.add(parley);
        rows = new ChatRows(dynalite.client(), table);
        var registry = new DynamoDbConnectionRegistry(DynamoDbEnhancedClient.builder().dynamoDbClient(dynalite.client())
                .build(), dynalite.client(), DynamoDbRegistrySettings.defaults(table));
        // Long open, as a vanished client is: a 410 within its opening time would prove nothing.
        Instant longAgo = Instant.now().minus(Duration.ofHours(1));
        ids.forEach(id -> registry.register(new Connection(new ConnectionId(id), new DisplayName("v"), longAgo)));
        return ids;
    }

    private HttpResponse<String> post(String body, Map<String, String> headers) throws Exception {
        var request = HttpRequest.newBuilder(parley.gateway().urls().rest("broadcastmessage"))
                .timeout(TestClient.WAIT.multipliedBy(2))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        return HTTP.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String statusUrl) throws Exception {
        // The status URL is relative to the broadcast's own URL, as a client resolves it.
        URI uri = parley.gateway().urls().rest("broadcastmessage").resolve(statusUrl);
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(TestClient.WAIT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, Object> status(String statusUrl) throws Exception {
        HttpResponse<String> response = get(statusUrl);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body());
    }

    /** Polls the status until done, checking on every poll that no counter went back and the state only moved on. */
    private Map<String, Object> awaitDone(String statusUrl) throws Exception {
        List<String> states = List.of("queued", "running", "done");
        Map<String, Object> last = status(statusUrl);
        Instant deadline = Instant.now().plus(DONE_WITHIN);
        while (!"done".equals(last.get("state"))) {
            assertThat(Instant.now()).as("done within " + DONE_WITHIN + "; last " + last).isBefore(deadline);
            Thread.sleep(100);
            Map<String, Object> now = status(statusUrl);
            for (String counter : List.of("attempted", "delivered", "gone", "failed")) {
                assertThat((Integer) now.get(counter)).as(counter).isGreaterThanOrEqualTo((Integer) last.get(counter));
            }
            assertThat(states.indexOf(now.get("state"))).isGreaterThanOrEqualTo(states.indexOf(last.get("state")));
            last = now;
        }
        int reached = (Integer) last.get("delivered") + (Integer) last.get("gone") + (Integer) last.get("failed");
        assertThat(reached).isEqualTo(last.get("attempted"));
        return last;
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(DONE_WITHIN);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(what).isBefore(deadline);
            Thread.sleep(20);
        }
    }
}
