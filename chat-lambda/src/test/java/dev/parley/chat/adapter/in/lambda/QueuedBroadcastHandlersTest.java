package dev.parley.chat.adapter.in.lambda;

import static dev.parley.chat.adapter.in.lambda.SendMessageHandlerTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.parley.chat.domain.model.BroadcastMessage;
import dev.parley.chat.domain.model.BroadcastPage;
import dev.parley.chat.domain.model.BroadcastPlanning;
import dev.parley.chat.domain.model.BroadcastWork;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.protocol.BroadcastWorkCodec;
import dev.parley.chat.settings.aws.BroadcastQueueSettings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The broadcast's REST handler handing a broadcast to the queue, the status handler, and the worker. */
class QueuedBroadcastHandlersTest {

    private final FakeChatComponent component = new FakeChatComponent();
    private final BroadcastHandler broadcast = new BroadcastHandler(component);
    private final BroadcastStatusHandler status = new BroadcastStatusHandler(component);
    private final BroadcastWorkerHandler worker = new BroadcastWorkerHandler(component);
    private final BroadcastWorkCodec codec = new BroadcastWorkCodec();

    @ParameterizedTest
    @ValueSource(strings = {"respond-async", "wait=10, respond-async", "RESPOND-ASYNC; x=1"})
    void preferRespondAsync_isAnsweredAtOnceWith202AndAStatusUrl_sendingNothing(String prefer) throws IOException {
        connect(3);

        var response = broadcast.handleRequest(post(Map.of("prefer", prefer)), new RecordingContext());

        assertThat(response.getStatusCode()).isEqualTo(202);
        Map<String, Object> body = json(response.getBody());
        assertThat(body).containsOnlyKeys("broadcastId", "state", "statusUrl").containsEntry("state", "queued");
        assertThat(body.get("statusUrl")).isEqualTo("broadcasts/" + body.get("broadcastId"));
        assertThat(component.sent()).isEmpty();
        assertThat(component.queue.takeAll()).hasSize(1);
    }

    @Test
    void anAudienceBeyondTheInlineLimit_isQueuedAsOnePlanning_whichTheWorkerCutsIntoPages() throws IOException {
        int audience = BroadcastQueueSettings.DEFAULT.inlineLimit() + 1;
        connect(audience);

        var response = broadcast.handleRequest(post(Map.of()), new RecordingContext());

        assertThat(response.getStatusCode()).isEqualTo(202);
        List<BroadcastWork> planning = component.queue.takeAll();
        assertThat(planning).containsExactly(new BroadcastPlanning(
                new MessageId(UUID.fromString((String) json(response.getBody()).get("broadcastId")))));
        assertThat(worker.handleRequest(sqsEvent(planning), new RecordingContext()).getBatchItemFailures()).isEmpty();
        List<BroadcastPage> pages = component.queue.takeAll().stream().map(BroadcastPage.class::cast).toList();
        assertThat(pages).hasSize((audience + BroadcastQueueSettings.DEFAULT.pageSize() - 1)
                / BroadcastQueueSettings.DEFAULT.pageSize());
        assertThat(pages.stream().mapToInt(page -> page.recipients().size()).sum()).isEqualTo(audience);
        assertThat(component.sent()).isEmpty();
    }

    @Test
    void anotherPreference_isAnsweredInlineWith200AsBefore() throws IOException {
        connect(2);

        var response = broadcast.handleRequest(post(Map.of("Prefer", "return=minimal")), new RecordingContext());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response.getBody())).containsEntry("attempted", 2).containsEntry("delivered", 2);
        assertThat(component.queue.takeAll()).isEmpty();
    }

    @Test
    void theQueueRefusingThePlanning_isA500NamingTheBroadcastWhoseStatusSaysDoneWithNoRecipient() throws IOException {
        connect(2);
        component.queue.refuseAfter(0);

        var response = broadcast.handleRequest(post(Map.of("Prefer", "respond-async")), new RecordingContext());

        assertThat(response.getStatusCode()).isEqualTo(500);
        Map<String, Object> error = json(response.getBody());
        assertThat(error).containsEntry("type", "error").containsEntry("code", "INTERNAL");
        String id = ((String) error.get("message")).replaceAll(".*broadcasts/([0-9a-f-]{36}).*", "$1");
        Map<String, Object> progress = json(status.handleRequest(get(id), new RecordingContext()).getBody());
        assertThat(progress).containsEntry("state", "done").containsEntry("attempted", 0).containsEntry("failed", 0);
        assertThat(component.sent()).isEmpty();
    }

    @Test
    void theWorker_plansThenSendsItsPages_andTheStatusFollowsFromQueuedThroughRunningToDone() throws IOException {
        List<ConnectionId> audience = connect(3);
        String id = (String) json(broadcast.handleRequest(post(Map.of("Prefer", "respond-async")), new RecordingContext())
                .getBody()).get("broadcastId");
        assertThat(json(status.handleRequest(get(id), new RecordingContext()).getBody()))
                .containsEntry("state", "queued").containsEntry("attempted", 0).containsEntry("delivered", 0)
                .doesNotContainKey("finishedAt");
        worker.handleRequest(sqsEvent(component.queue.takeAll()), new RecordingContext());
        assertThat(json(status.handleRequest(get(id), new RecordingContext()).getBody()))
                .containsEntry("state", "running").containsEntry("attempted", 3).containsEntry("delivered", 0);

        SQSBatchResponse response = worker.handleRequest(sqsEvent(component.queue.takeAll()), new RecordingContext());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(component.sent()).extracting(sent -> sent.recipient()).containsExactlyInAnyOrderElementsOf(audience);
        assertThat(component.sent()).extracting(sent -> ((BroadcastMessage) sent.message()).id().toString())
                .containsOnly(id);
        APIGatewayProxyResponseEvent done = status.handleRequest(get(id), new RecordingContext());
        assertThat(done.getStatusCode()).isEqualTo(200);
        assertThat(done.getHeaders()).containsEntry("Cache-Control", "no-store")
                .containsEntry("Access-Control-Allow-Origin", FakeChatComponent.ALLOWED_ORIGIN);
        assertThat(json(done.getBody())).containsOnlyKeys("broadcastId", "state", "attempted", "delivered", "gone",
                        "failed", "startedAt", "finishedAt")
                .containsEntry("state", "done").containsEntry("attempted", 3).containsEntry("delivered", 3)
                .containsEntry("startedAt", "2026-11-25T10:15:41.987Z");
    }

    @Test
    void theWorker_reportsOnlyTheMessagesItCouldNotHandle() {
        connect(1);
        broadcast.handleRequest(post(Map.of("Prefer", "respond-async")), new RecordingContext());
        worker.handleRequest(sqsEvent(component.queue.takeAll()), new RecordingContext());
        List<SQSEvent.SQSMessage> messages = new ArrayList<>(sqsEvent(component.queue.takeAll()).getRecords());
        messages.add(message("not-a-page", "{\"broadcastId\":1}"));

        SQSBatchResponse response = worker.handleRequest(event(messages), new RecordingContext());

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("not-a-page");
        assertThat(component.sent()).hasSize(1);
    }

    @Test
    void aPageWhoseAuditTrailCannotBeWritten_isReportedFailed_soItComesAgainUncounted() throws IOException {
        var failing = new FakeChatComponent(FailingConnectionRegistry::new);
        failing.store.register(new Connection(new ConnectionId("QW5uLWNvbm4="), new DisplayName("Ann"),
                FakeChatComponent.NOW));
        String id = (String) json(new BroadcastHandler(failing)
                .handleRequest(post(Map.of("Prefer", "respond-async")), new RecordingContext()).getBody())
                .get("broadcastId");
        var failingWorker = new BroadcastWorkerHandler(failing);
        failingWorker.handleRequest(sqsEvent(failing.queue.takeAll()), new RecordingContext());

        SQSBatchResponse response = failingWorker.handleRequest(sqsEvent(failing.queue.takeAll()), new RecordingContext());

        assertThat(response.getBatchItemFailures()).hasSize(1);
        assertThat(json(new BroadcastStatusHandler(failing).handleRequest(get(id), new RecordingContext()).getBody()))
                .containsEntry("state", "running").containsEntry("delivered", 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "0B7C2D8E-51A4-4C1E-9A55-2F3C9D1E8A70", "", "0b7c2d8e51a44c1e9a552f3c9d1e8a70"})
    void aMalformedId_is400WithTheErrorObject(String id) throws IOException {
        var response = status.handleRequest(get(id), new RecordingContext());

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response.getBody())).containsEntry("type", "error").containsEntry("code", "INVALID_BROADCAST_ID");
    }

    @Test
    void anUnknownId_is404WithTheErrorObject() throws IOException {
        var response = status.handleRequest(get(UUID.randomUUID().toString()), new RecordingContext());

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(json(response.getBody())).containsEntry("type", "error").containsEntry("code", "UNKNOWN_BROADCAST");
    }

    private List<ConnectionId> connect(int connections) {
        List<ConnectionId> ids = IntStream.range(0, connections)
                .mapToObj(n -> new ConnectionId(String.format("c%07d=", n))).toList();
        ids.forEach(id -> component.store.register(new Connection(id, new DisplayName("user"), FakeChatComponent.NOW)));
        component.settled();
        return ids;
    }

    private static APIGatewayProxyRequestEvent post(Map<String, String> headers) {
        return Events.rest("broadcast").withHeaders(new HashMap<>(headers));
    }

    private static APIGatewayProxyRequestEvent get(String id) {
        return new APIGatewayProxyRequestEvent().withHttpMethod("GET").withResource("/broadcasts/{broadcastId}")
                .withPathParameters(Map.of("broadcastId", id));
    }

    private SQSEvent sqsEvent(List<? extends BroadcastWork> work) {
        return event(work.stream().map(message -> message(UUID.randomUUID().toString(), codec.encode(message))).toList());
    }

    private static SQSEvent event(List<SQSEvent.SQSMessage> messages) {
        var event = new SQSEvent();
        event.setRecords(messages);
        return event;
    }

    private static SQSEvent.SQSMessage message(String id, String body) {
        var message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setBody(body);
        return message;
    }
}
