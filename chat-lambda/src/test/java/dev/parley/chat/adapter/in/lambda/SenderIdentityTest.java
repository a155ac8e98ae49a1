package dev.parley.chat.adapter.in.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.parley.chat.domain.model.ChatMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server stamps every message's sender: {@code from} is the sending connection's id, {@code name} the name it
 * connected with (its token's, with authorization on) and {@code userId} its token's user. No field of the frame can
 * change any of them.
 */
class SenderIdentityTest {

    private static final String ADA = "L0SM9cOFvHcCIhw=";
    private static final String BOB = "Bq3xYcOFvHcCEJA=";

    private final FakeChatComponent component = new FakeChatComponent();

    @BeforeEach
    void connectAdaWithATokenAndBobWithout() {
        var ada = Events.webSocket("connect", ADA);
        ada.getRequestContext().setAuthorizer(Map.of("principalId", "user-42", "userId", "user-42", "displayName", "Ada"));
        new ConnectHandler(component).handleRequest(ada, new RecordingContext());
        var bob = Events.webSocket("connect", BOB);
        bob.setQueryStringParameters(Map.of("name", "Bob"));
        new ConnectHandler(component).handleRequest(bob, new RecordingContext());
        component.settled();
    }

    @Test
    void givenFrameClaimingAnotherSender_sendMessage_stampsTheRealSenderOnWhatOthersReceive() throws IOException {
        String impersonating = "{\"action\":\"sendMessage\",\"Message\":\"trust me\",\"from\":\"" + BOB + "\","
                + "\"name\":\"Bob\",\"userId\":\"user-7\",\"displayName\":\"Bob\",\"sender\":\"" + BOB + "\"}";

        var response = new SendMessageHandler(component).handleRequest(
                Events.webSocketWithBody("send-message", ADA, impersonating), new RecordingContext());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(component.sent()).singleElement().satisfies(sent -> {
            assertThat(sent.recipient().value()).isEqualTo(BOB);
            ChatMessage message = (ChatMessage) sent.message();
            Map<String, Object> frame = JSON.std.mapFrom(new String(component.writer.encode(message), StandardCharsets.UTF_8));
            assertThat(frame).containsEntry("from", ADA).containsEntry("name", "Ada").containsEntry("userId", "user-42")
                    .containsEntry("message", "trust me");
        });
    }

    @Test
    void givenAnonymousSenderClaimingATokensName_sendMessage_keepsTheNameItConnectedWith() throws IOException {
        String impersonating = "{\"action\":\"sendMessage\",\"Message\":\"it's me\",\"from\":\"" + ADA + "\",\"name\":\"Ada\"}";

        new SendMessageHandler(component).handleRequest(
                Events.webSocketWithBody("send-message", BOB, impersonating), new RecordingContext());

        assertThat(component.sent()).singleElement().satisfies(sent -> {
            Map<String, Object> frame = JSON.std.mapFrom(new String(component.writer.encode(sent.message()), StandardCharsets.UTF_8));
            assertThat(frame).containsEntry("from", BOB).containsEntry("name", "Bob").doesNotContainKey("userId");
        });
    }
}
