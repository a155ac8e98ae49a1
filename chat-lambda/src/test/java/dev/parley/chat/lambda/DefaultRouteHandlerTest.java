package dev.parley.chat.lambda;

import static dev.parley.chat.lambda.SendMessageHandlerTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
        assertThat((String) json(response.getBody()).get("message")).contains("'sendmessage'").contains("sendMessage");
    }

    @Test
    void givenFrameThatIsNotJson_default_answersInvalidJson() throws IOException {
        var response = handler.handleRequest(Events.webSocket("default-not-json"), new RecordingContext());

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response.getBody())).containsEntry("code", "INVALID_JSON");
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
