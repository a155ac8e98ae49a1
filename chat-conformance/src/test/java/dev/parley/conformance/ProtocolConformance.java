package dev.parley.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The protocol every transport must speak, the same tests for each: frames in, frames out, errors, direct messages,
 * the broadcast and its report, bad input. A subclass names the transport; each test works in rooms of its own, so
 * the tests share one running transport. Every frame sent and received is checked against docs/asyncapi.yaml
 * ({@link SocketClient}), and so is every REST answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProtocolConformance {

    private static final AtomicInteger ROOMS = new AtomicInteger();

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<SocketClient> clients = new ArrayList<>();
    private final FrameSchemas schemas = FrameSchemas.asyncApi();
    private Transport transport;

    /** Starts the transport under test on a free loopback port. */
    abstract Transport start();

    @BeforeAll
    void startTransport() {
        transport = start();
    }

    @AfterAll
    void stopTransport() {
        transport.close();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(SocketClient::close);
        clients.clear();
    }

    @Test
    void aRoomMessageIsAcknowledgedToItsSenderAndDeliveredToTheOtherMembers() {
        String room = newRoom();
        SocketClient ann = joined("ann", room);
        SocketClient bob = joined("bob", room);

        ann.send("{\"action\":\"sendMessage\",\"Message\":\"hello\",\"room\":\"" + room + "\",\"clientId\":\"c-1\"}");

        Map<String, Object> ack = ann.awaitType("ack");
        assertThat(ack).containsEntry("clientId", "c-1").containsEntry("recipients", 1).containsKey("seq");
        assertThat(bob.awaitType("message")).containsEntry("message", "hello").containsEntry("room", room)
                .containsEntry("name", "ann").containsEntry("direct", false).containsEntry("id", ack.get("id"));
    }

    @Test
    void aDirectMessageReachesOnlyTheConnectionItNames() {
        String room = newRoom();
        SocketClient ann = joined("ann", room);
        SocketClient bob = joined("bob", room);
        SocketClient cid = joined("cid", room);
        String bobsId = connectionIdOf(ann, room, "bob");

        ann.send("{\"action\":\"sendMessage\",\"Message\":\"psst\",\"to\":\"" + bobsId + "\"}");

        assertThat(bob.awaitType("message")).containsEntry("message", "psst").containsEntry("direct", true);
        assertThat(ann.awaitType("ack")).containsEntry("recipients", 1);
        cid.send("{\"action\":\"ping\"}");
        cid.awaitType("pong");
        assertThat(cid.passed()).noneMatch(frame -> "message".equals(frame.get("type")));
    }

    @Test
    void membersListsWhoIsInTheRoom_andLeaveAnswersLeft() {
        String room = newRoom();
        SocketClient ann = joined("ann", room);
        joined("bob", room);

        ann.send("{\"action\":\"members\",\"room\":\"" + room + "\",\"clientId\":\"m-1\"}");
        Map<String, Object> members = ann.awaitType("members");
        ann.send("{\"action\":\"leave\",\"room\":\"" + room + "\"}");

        assertThat(members).containsEntry("clientId", "m-1").containsEntry("count", 2);
        assertThat(ann.awaitType("left")).containsEntry("room", room);
    }

    @Test
    void badInputIsAnsweredWithAnErrorFrameNamingTheProblem() {
        SocketClient ann = connect("ann");

        ann.sendRaw("not json");
        assertThat(ann.awaitType("error")).containsEntry("code", "INVALID_JSON");
        ann.sendRaw("{\"action\":\"shout\",\"clientId\":\"e-1\"}");
        assertThat(ann.awaitType("error")).containsEntry("code", "UNKNOWN_ACTION").containsEntry("clientId", "e-1");
        ann.sendRaw("{\"action\":\"sendMessage\",\"clientId\":\"e-2\"}");
        assertThat(ann.awaitType("error")).containsEntry("code", "MISSING_MESSAGE").containsEntry("clientId", "e-2");
        ann.send("{\"action\":\"sendMessage\",\"Message\":\"hi\",\"to\":\"nobody00000000=\"}");
        assertThat(ann.awaitType("error")).containsEntry("code", "UNKNOWN_RECIPIENT");
        ann.send("{\"action\":\"members\",\"room\":\"" + newRoom() + "\"}");
        assertThat(ann.awaitType("error")).containsEntry("code", "NOT_A_MEMBER");
    }

    @Test
    void aSenderOverItsRateIsAnsweredRateLimitedWithWhenToTryAgain() {
        SocketClient ann = connect("ann");

        for (int n = 0; n < 40; n++) {
            ann.send("{\"action\":\"ping\"}");
        }

        assertThat(ann.awaitType("error")).containsEntry("code", "RATE_LIMITED").containsKey("retryAfterMs");
    }

    @Test
    void theRestBroadcastReachesTheRoomsMembersAndReportsIt() throws Exception {
        String room = newRoom();
        SocketClient ann = joined("ann", room);
        SocketClient bob = joined("bob", room);

        HttpResponse<String> answer = broadcast("{\"message\":\"maintenance at noon\",\"room\":\"" + room + "\"}");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(schemas.problems("BroadcastReport", answer.body())).isEmpty();
        assertThat(JSON.std.mapFrom(answer.body())).containsEntry("attempted", 2).containsEntry("delivered", 2);
        assertThat(ann.awaitType("broadcast")).containsEntry("message", "maintenance at noon").containsEntry("room", room);
        assertThat(bob.awaitType("broadcast")).containsEntry("message", "maintenance at noon");
    }

    @Test
    void aBadBroadcastIsA400WhoseBodyIsAnError() throws Exception {
        HttpResponse<String> answer = broadcast("{\"text\":\"hi\"}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(schemas.problems("Error", answer.body())).isEmpty();
    }

    private String newRoom() {
        return "conformance-" + ROOMS.incrementAndGet();
    }

    private SocketClient connect(String name) {
        SocketClient client = SocketClient.connect(http, transport.chat(name));
        clients.add(client);
        return client;
    }

    private SocketClient joined(String name, String room) {
        SocketClient client = connect(name);
        client.send("{\"action\":\"join\",\"room\":\"" + room + "\"}");
        client.awaitType("joined");
        return client;
    }

    /** The connection id of {@code name} in {@code room}, from the room's members page. */
    @SuppressWarnings("unchecked")
    private static String connectionIdOf(SocketClient asker, String room, String name) {
        asker.send("{\"action\":\"members\",\"room\":\"" + room + "\"}");
        List<Map<String, Object>> members = (List<Map<String, Object>>) asker.awaitType("members").get("members");
        return members.stream().filter(member -> name.equals(member.get("name")))
                .map(member -> (String) member.get("connectionId")).findFirst().orElseThrow();
    }

    private HttpResponse<String> broadcast(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(transport.broadcast())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String query(String name) {
        return "name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }
}
