package dev.parley.chat.adapter.in.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.ConnectionRecord;
import dev.parley.chat.domain.model.DisplayName;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DefaultRouteHandlerPropertiesTest {

    private static final ConnectionId ALICE = new ConnectionId("L0SM9cOFvHcCIhw=");

    @Property(tries = 1000)
    void anyFrame_default_neverThrowsWritesOrDeliversAndAnswersPongOnlyToAPing(@ForAll("frames") String frame)
            throws IOException {
        var component = new FakeChatComponent();
        component.store.register(new Connection(ALICE, new DisplayName("Alice"), FakeChatComponent.NOW));
        Optional<ConnectionRecord> before = component.store.find(ALICE);

        var event = Events.webSocketWithBody("default-unknown-action", ALICE.value(), frame);
        var response = new DefaultRouteHandler(component).handleRequest(event, new RecordingContext());

        Map<String, Object> answer = SendMessageHandlerTest.json(response.getBody());
        FrameProperties.collectAnswerType(answer.get("type"), "pong");
        if (response.getStatusCode() == 200) {
            assertThat(answer).isEqualTo(Map.of("type", "pong"));
            assertThat(SendMessageHandlerTest.json(frame)).containsEntry("action", "ping");
        } else {
            assertThat(response.getStatusCode()).isEqualTo(400);
            assertThat(answer).containsEntry("type", "error");
            assertThat((String) answer.get("code")).isIn(Set.of("INVALID_JSON", "UNKNOWN_ACTION"));
        }
        assertThat(component.store.find(ALICE)).as("nothing written").isEqualTo(before);
        assertThat(component.publisher.sent()).as("nothing delivered").isEmpty();
    }

    @Provide
    Arbitrary<String> frames() {
        Arbitrary<String> actionFrames = FrameProperties.anyJsonString().map(action -> "{\"action\":" + action + "}");
        Arbitrary<String> pingsWithAnyField = FrameProperties.anyJsonString()
                .map(value -> "{\"action\":\"ping\",\"extra\":" + value + "}");
        return Arbitraries.oneOf(
                FrameProperties.anyText(), actionFrames, pingsWithAnyField, FrameProperties.hostileFrames());
    }
}
