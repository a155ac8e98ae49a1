package dev.parley.chat.adapter.in.lambda;

import static dev.parley.chat.adapter.in.lambda.SendMessageHandlerTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.parley.chat.domain.model.BroadcastMessage;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.port.out.DeliveryResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BroadcastHandlerTest {

    private static final ConnectionId ALICE = new ConnectionId("L0SM9cOFvHcCIhw=");
    private static final ConnectionId BOB = new ConnectionId("Bq3xYcOFvHcCEJA=");
    private static final ConnectionId CAROL = new ConnectionId("Cz7kYcOFvHcCMmQ=");

    private final FakeChatComponent component = new FakeChatComponent();
    private final BroadcastHandler handler = new BroadcastHandler(component);

    @BeforeEach
    void connectThreeAndLetOneLeave() {
        for (ConnectionId id : new ConnectionId[] {ALICE, BOB, CAROL}) {
            component.store.register(new Connection(id, new DisplayName("user"), FakeChatComponent.NOW));
        }
        new DisconnectHandler(component).handleRequest(Events.webSocket("disconnect", CAROL.value()), new RecordingContext());
    }

    @Test
    void givenTwoActiveConnections_broadcast_reachesBothAndReportsIt() throws IOException {
        var response = handler.handleRequest(Events.rest("broadcast"), new RecordingContext());

        assertThat(response.getStatusCode()).isEqualTo(200);
        Map<String, Object> report = json(response.getBody());
        assertThat(report).containsOnlyKeys("broadcastId", "attempted", "delivered", "gone", "failed")
                .containsEntry("attempted", 2).containsEntry("delivered", 2)
                .containsEntry("gone", 0).containsEntry("failed", 0);
        assertThat(component.publisher.sent()).extracting(sent -> sent.recipient()).containsExactlyInAnyOrder(ALICE, BOB);
        Map<String, Object> frame = json(new String(component.writer.encode(component.publisher.sent().get(0).message()),
                StandardCharsets.UTF_8));
        assertThat(frame).containsOnly(
                Map.entry("type", "broadcast"),
                Map.entry("id", report.get("broadcastId")),
                Map.entry("message", "Maintenance at noon UTC"),
                Map.entry("sentAt", "2026-11-25T10:15:41.987Z"));
        assertThat(component.store.find(ALICE).orElseThrow().latestBroadcast())
                .hasValueSatisfying(posted -> assertThat(posted.text()).isEqualTo(new MessageText("Maintenance at noon UTC")));
        assertThat(component.store.find(CAROL).orElseThrow().latestBroadcast()).isEmpty();
        assertCors(response);
    }

    @Test
    void givenAdministratorNamedByTheBroadcastAuthorizer_broadcast_recordsAndLogsThemAsTheSender() {
        var event = Events.rest("broadcast");
        event.getRequestContext().setAuthorizer(Map.of("principalId", "ops-1", "userId", "ops-1", "displayName", "Ops"));
        var context = new RecordingContext();

        assertThat(handler.handleRequest(event, context).getStatusCode()).isEqualTo(200);

        assertThat(component.store.find(ALICE).orElseThrow().latestBroadcast()).hasValueSatisfying(posted ->
                assertThat(posted.sentBy()).contains(new UserId("ops-1")));
        assertThat(context.logged).anySatisfy(line -> assertThat(line).contains("by user ops-1", "attempted 2"));
    }

    @Test
    void givenNoBroadcastAuthorizer_broadcast_namesNoSender() {
        var context = new RecordingContext();

        handler.handleRequest(Events.rest("broadcast"), context);

        assertThat(component.store.find(ALICE).orElseThrow().latestBroadcast()).hasValueSatisfying(posted ->
                assertThat(posted.sentBy()).isEmpty());
        assertThat(context.logged).anySatisfy(line -> assertThat(line).contains("by no one named"));
    }

    @Test
    void givenBodyWithARoom_broadcast_reachesOnlyTheRoomsMembersWithTheRoomAndReportsOnlyThem() throws IOException {
        var rooms = new FakeChatComponent();
        var chat = new Chat(rooms);
        for (String id : new String[] {Chat.ALICE, Chat.BOB, Chat.CAROL}) {
            chat.connect(id, "user");
        }
        chat.join(Chat.ALICE, "design");
        chat.join(Chat.CAROL, "design");
        rooms.settled();

        var response = new BroadcastHandler(rooms).handleRequest(Events.rest("broadcast-room"), new RecordingContext());

        Map<String, Object> report = json(response.getBody());
        assertThat(report).containsEntry("attempted", 2).containsEntry("delivered", 2);
        assertThat(rooms.sent()).extracting(sent -> sent.recipient().value())
                .containsExactlyInAnyOrder(Chat.ALICE, Chat.CAROL);
        assertThat(chat.received(Chat.ALICE)).containsExactly(Map.of("type", "broadcast", "id", report.get("broadcastId"),
                "message", "Design review at noon", "sentAt", "2026-11-25T10:15:41.987Z", "room", "design"));
    }

    @Test
    void givenOneRecipientGoneAndOneFailing_broadcast_countsEachOutcome() throws IOException {
        // Long open: a 410 from a connection still within its opening time proves nothing.
        component.clock.advance(Connection.OPENING_TIME.plusSeconds(1));
        component.publisher.answer(ALICE, DeliveryResult.gone()).answer(BOB, new DeliveryResult.Throttled(6));

        var response = handler.handleRequest(Events.rest("broadcast"), new RecordingContext());

        assertThat(json(response.getBody())).containsEntry("attempted", 2).containsEntry("delivered", 0)
                .containsEntry("gone", 1).containsEntry("failed", 1);
        assertThat(component.store.findActive(ALICE)).isEmpty();
        assertThat(component.store.findActive(BOB)).isPresent();
    }

    @Test
    void givenBase64EncodedBody_broadcast_decodesIt() throws IOException {
        var request = Events.rest("broadcast");
        request.setBody(Base64.getEncoder().encodeToString("{\"message\":\"über\"}".getBytes(StandardCharsets.UTF_8)));
        request.setIsBase64Encoded(true);

        var response = handler.handleRequest(request, new RecordingContext());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(component.publisher.sent()).allSatisfy(sent -> assertThat(((BroadcastMessage) sent.message()).text().value()).isEqualTo("über"));
    }

    @Test
    void givenBase64BodyThatIsNotUtf8_broadcast_answersInvalidJsonAndSendsNothing() throws IOException {
        var request = Events.rest("broadcast");
        byte[] latin1 = "{\"message\":\"über\"}".getBytes(StandardCharsets.ISO_8859_1);
        request.setBody(Base64.getEncoder().encodeToString(latin1));
        request.setIsBase64Encoded(true);

        var response = handler.handleRequest(request, new RecordingContext());

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response.getBody())).containsEntry("code", "INVALID_JSON")
                .containsEntry("message", "the body is not UTF-8 text");
        assertThat(component.publisher.sent()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "NULL                          | INVALID_JSON",
        "not json                      | INVALID_JSON",
        "[\"message\"]                 | INVALID_JSON",
        "{}                            | MISSING_MESSAGE",
        "{\"Message\":\"wrong case\"}  | MISSING_MESSAGE",
        "{\"message\":\"   \"}         | MISSING_MESSAGE",
        "{\"message\":12}              | MISSING_MESSAGE",
        "{\"message\":\"hi\",\"room\":1}  | INVALID_ROOM",
        "{\"message\":\"hi\",\"room\":\"\"} | INVALID_ROOM",
        "{\"message\":\"hi\",\"room\":\"a b\"} | INVALID_ROOM"
    })
    void givenBadBody_broadcast_answers400WithTheProblemAndSendsNothing(String body, String code) throws IOException {
        var request = Events.rest("broadcast");
        request.setBody(body);

        var response = handler.handleRequest(request, new RecordingContext());

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response.getBody())).containsEntry("type", "error").containsEntry("code", code);
        assertCors(response);
        assertThat(component.publisher.sent()).isEmpty();
        assertThat(component.store.find(ALICE).orElseThrow().latestBroadcast()).isEmpty();
    }

    private static void assertCors(APIGatewayProxyResponseEvent response) {
        // The preflight's Allow-Methods and Allow-Headers are API Gateway's to send, not the handler's.
        assertThat(response.getHeaders()).isEqualTo(Map.of(
                "Access-Control-Allow-Origin", FakeChatComponent.ALLOWED_ORIGIN,
                "Vary", "Origin",
                "Content-Type", "application/json"));
    }
}
