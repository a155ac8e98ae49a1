package dev.parley.chat.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import java.io.IOException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SendMessageHandlerPropertiesTest {

    private static final ConnectionId ALICE = new ConnectionId("L0SM9cOFvHcCIhw=");
    private static final ConnectionId BOB = new ConnectionId("Bq3xYcOFvHcCEJA=");

    @Property(tries = 500)
    void anyFrame_sendMessage_neverThrowsAndStoresOnlyWhatItAcknowledges(@ForAll("frames") String frame) throws IOException {
        var component = new FakeChatComponent();
        component.store.register(new Connection(ALICE, new DisplayName("Alice"), FakeChatComponent.NOW));
        component.store.register(new Connection(BOB, new DisplayName("Bob"), FakeChatComponent.NOW));

        var response = new SendMessageHandler(component)
                .handleRequest(Events.webSocketWithBody("send-message", ALICE.value(), frame), new RecordingContext());

        String type = (String) SendMessageHandlerTest.json(response.getBody()).get("type");
        boolean stored = component.store.find(ALICE).orElseThrow().latestMessage().isPresent();
        if (response.getStatusCode() == 200) {
            assertThat(type).isEqualTo("ack");
            assertThat(stored).isTrue();
        } else {
            assertThat(response.getStatusCode()).isEqualTo(400);
            assertThat(type).isEqualTo("error");
            assertThat(stored).isFalse();
            assertThat(component.publisher.sent()).isEmpty();
        }
    }

    @Provide
    Arbitrary<String> frames() {
        Arbitrary<String> anyText = Arbitraries.strings().all().ofMaxLength(200);
        Arbitrary<String> messageFrames = anyText.map(text -> "{\"action\":\"sendMessage\",\"Message\":\"" + text + "\"}");
        Arbitrary<String> recipientFrames = anyText.map(text -> "{\"action\":\"sendMessage\",\"Message\":\"hi\",\"to\":\"" + text + "\"}");
        return Arbitraries.oneOf(anyText, messageFrames, recipientFrames);
    }
}
