package dev.parley.chat.adapter.in.lambda;

import static dev.parley.chat.adapter.in.lambda.SendMessageHandlerTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DefaultRouteHandlerTest {

    private static final String ALICE = "L0SM9cOFvHcCIhw=";

    private final FakeChatComponent component = new FakeChatComponent();
    private final DefaultRouteHandler handler = new DefaultRouteHandler(component);

    @Test
    void givenActionInTheWrongCase_default_answersUnknownActionNamingIt() throws IOException {
        var response = handler.handleRequest(Events.webSocket("default-unknown-action"), new RecordingContext());

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response.getBody())).containsEntry("type", "error").containsEntry("code", "UNKNOWN_ACTION");
        assertThat((String) json(response.getBody()).get("message")).isEqualTo("unknown action 'sendmessage'; the actions"
                + " are sendMessage, join, leave, members, history and ping (names are case-sensitive)");
    }

    @Test
    void givenFrameThatIsNotJson_default_answersInvalidJson() throws IOException {
        var response = handler.handleRequest(Events.webSocket("default-not-json"), new RecordingContext());

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response.getBody())).containsEntry("code", "INVALID_JSON");
    }

    @Test
    void givenBinaryFrameHoldingAValidMessage_default_answersThatBinaryFramesAreNotAccepted() throws IOException {
        var event = Events.webSocketWithBody("default-unknown-action", ALICE,
                Base64.getEncoder().encodeToString("{\"action\":\"ping\"}".getBytes(StandardCharsets.UTF_8)));
        event.setIsBase64Encoded(true);

        var response = handler.handleRequest(event, new RecordingContext());

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response.getBody())).containsEntry("code", "INVALID_JSON");
        assertThat((String) json(response.getBody()).get("message")).contains("binary frames are not accepted");
    }

    @Test
    void givenUnknownActionWithClientId_default_echoesItInTheError() throws IOException {
        var event = Events.webSocketWithBody("default-unknown-action", ALICE,
                "{\"action\":\"sendmessage\",\"clientId\":\"m-7\"}");

        var response = handler.handleRequest(event, new RecordingContext());

        assertThat(json(response.getBody())).containsEntry("code", "UNKNOWN_ACTION").containsEntry("clientId", "m-7");
    }

    @Test
    void givenPing_default_answersPong() throws IOException {
        var event = Events.webSocketWithBody("default-unknown-action", ALICE, "{\"action\":\"ping\"}");

        var response = handler.handleRequest(event, new RecordingContext());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response.getBody())).containsOnlyKeys("type").containsEntry("type", "pong");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"Message\":\"hi\"}                 | UNKNOWN_ACTION",
        "{\"action\":42}                      | UNKNOWN_ACTION",
        "{\"action\":null}                    | UNKNOWN_ACTION",
        "{\"action\":\"broadcast\"}           | UNKNOWN_ACTION",
        "[]                                   | INVALID_JSON",
        "{\"action\":                         | INVALID_JSON"
    })
    void givenFrameNoRouteTakes_default_answersTheErrorFrame(String frame, String code) throws IOException {
        var response = handler.handleRequest(Events.webSocketWithBody("default-unknown-action", ALICE, frame),
                new RecordingContext());

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response.getBody())).containsEntry("type", "error").containsEntry("code", code);
        assertThat(component.publisher.sent()).isEmpty();
    }
}
