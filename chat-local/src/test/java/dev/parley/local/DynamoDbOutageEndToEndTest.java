package dev.parley.local;

import static dev.parley.local.ParleyCalls.json;
import static dev.parley.local.ParleyCalls.sendMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.dynalite.Dynalite;
import dev.parley.dynalite.DynaliteOptions;
import dev.parley.local.gateway.GatewayUrls;
import dev.parley.local.gateway.TestClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB failing in the middle of a chat, and coming back, under a running ParleyLocal that is never restarted:
 * the test freezes the dynalite it started (it accepts connections and answers nothing), or stops it and starts it
 * again on the same port with the same data on disk.
 */
@Timeout(60)
class DynamoDbOutageEndToEndTest {

    private static final String TABLE = "chatDetails-outage";
    /** The shortest timeout of the deployment's functions ($connect, $disconnect, $default): every answer comes sooner. */
    private static final Duration SHORTEST_FUNCTION_TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;

    private int port;
    private Dynalite dynalite;
    private ParleyLocal parley;
    private GatewayUrls urls;
    private TestClient ann;
    private TestClient bob;

    @BeforeEach
    void startChat() throws IOException {
        port = freeLoopbackPort();
        dynalite = startDynalite();
        parley = ParleyLocal.start(LocalOptions.parse("--port", "0", "--dynamodb-endpoint", dynalite.endpoint().toString(),
                "--table", TABLE));
        urls = parley.gateway().urls();
        ann = ParleyCalls.connect(urls, "Ann");
        bob = ParleyCalls.connect(urls, "Bob");
        ann.send(sendMessage("before", "m1"));
        assertThat(json(ann.next())).containsEntry("type", "ack").containsEntry("recipients", 1);
        assertThat(json(bob.next())).containsEntry("message", "before");
    }

    @AfterEach
    void stopEverything() throws Exception {
        try {
            signalDynalite("CONT");
            parley.close();
        } finally {
            dynalite.close();
        }
    }

    @Test
    void givenChatUnderWay_dynamoDbHangs_senderGetsInternalWithinTheFunctionTimeoutAndChatResumesWhenItAnswersAgain()
            throws Exception {
        signalDynalite("STOP");
        long frozen = System.nanoTime();

        ann.send(sendMessage("during", "m2"));

        assertThat(json(ann.next())).containsEntry("type", "error").containsEntry("code", "INTERNAL")
                .containsEntry("clientId", "m2");
        assertThat(Duration.ofNanos(System.nanoTime() - frozen)).isLessThan(SHORTEST_FUNCTION_TIMEOUT);
        bob.expectNothingFor(Duration.ofMillis(300));

        signalDynalite("CONT");
        ann.send(sendMessage("after", "m3"));
        assertThat(json(ann.next())).containsEntry("type", "ack").containsEntry("clientId", "m3").containsEntry("recipients", 1);
        assertThat(json(bob.next())).as("the message that failed is not delivered late").containsEntry("message", "after");
    }

    @Test
    void givenChatUnderWay_dynamoDbStopsAndRestarts_callersGetInternalErrorsAndTheSameGatewayRecoversWithWholeRows()
            throws Exception {
        dynalite.close();
        long stopped = System.nanoTime();
        CompletableFuture<HttpResponse<String>> broadcast = ParleyCalls.broadcast(urls, "nobody hears this");
        var handshake = TestClient.attempt(URI.create(urls.webSocket() + "?name=Cid"));
        ann.send(sendMessage("during", "m2"));

        assertThat(json(ann.next())).containsEntry("type", "error").containsEntry("code", "INTERNAL")
                .containsEntry("clientId", "m2");
        assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(SHORTEST_FUNCTION_TIMEOUT);
        HttpResponse<String> failedBroadcast = broadcast.get(SHORTEST_FUNCTION_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(failedBroadcast.statusCode()).isEqualTo(500);
        assertThat(json(failedBroadcast.body())).containsEntry("code", "INTERNAL");
        assertThatThrownBy(() -> handshake.get(SHORTEST_FUNCTION_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        refused -> assertThat(refused.getResponse().statusCode()).isEqualTo(500));
        bob.expectNothingFor(Duration.ofMillis(300));

        dynalite = startDynalite();
        ann.send(sendMessage("after", "m3"));
        assertThat(json(ann.next())).containsEntry("type", "ack").containsEntry("clientId", "m3").containsEntry("recipients", 1);
        assertThat(json(bob.next())).as("the message that failed is not delivered late").containsEntry("message", "after");
        bob.send(sendMessage("reply", "m4"));
        assertThat(json(bob.next())).containsEntry("type", "ack").containsEntry("clientId", "m4");
        assertThat(json(ann.next())).containsEntry("message", "reply");
        HttpResponse<String> report = ParleyCalls.broadcast(urls, "back again").get(30, TimeUnit.SECONDS);
        assertThat(json(report.body())).containsEntry("attempted", 2).containsEntry("delivered", 2);
        assertThat(json(ann.next())).containsEntry("message", "back again");
        assertThat(json(bob.next())).containsEntry("message", "back again");

        try (DynamoDbClient dynamoDb = LocalDynamoDb.clientFor(dynalite.endpoint())) {
            var rows = new ChatRows(dynamoDb, TABLE);
            rows.assertEveryRowWhole();
            Map<String, String> ids = rows.idsByName();
            assertThat(ids).as("Cid's refused $connect left no row").containsOnlyKeys("Ann", "Bob");
            assertThat(rows.row(ids.get("Ann"))).containsEntry("Message", AttributeValue.fromS("after"));
            assertThat(rows.row(ids.get("Bob"))).containsEntry("Message", AttributeValue.fromS("reply"));
            rows.awaitAttribute(ids.get("Ann"), "BroadcastMessage");
            assertThat(rows.all()).allSatisfy(row -> assertThat(row.get("BroadcastMessage").s()).isEqualTo("back again"));
            assertThat(rows.all()).flatMap(row -> List.copyOf(row.values())).doesNotContain(AttributeValue.fromS("during"));
        }
    }

    /** Keeps its data in the test's folder, on the same port every time, as a restarted DynamoDB endpoint would be. */
    private Dynalite startDynalite() {
        return Dynalite.start(DynaliteOptions.persistentIn(dataDir).withPort(port).stoppedByCaller());
    }

    /** STOP freezes dynalite: the kernel still accepts its connections, but nothing answers them. CONT thaws it. */
    private void signalDynalite(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(dynalite.pid())).inheritIO().start();
        assertThat(kill.waitFor(5, TimeUnit.SECONDS)).as("kill -" + signal + " ended").isTrue();
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
