package dev.parley.chat.adapter.in.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.Member;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.protocol.ErrorCode;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SendMessageHandlerPropertiesTest {

    private static final ConnectionId ALICE = new ConnectionId("L0SM9cOFvHcCIhw=");
    private static final ConnectionId BOB = new ConnectionId("Bq3xYcOFvHcCEJA=");

    @Property(tries = 1000)
    void anyFrame_sendMessage_neverThrowsAndWritesOrDeliversOnlyTheMessageItAcknowledges(@ForAll("frames") String frame)
            throws IOException {
        var component = new FakeChatComponent();
        for (var connection : List.of(new Connection(ALICE, new DisplayName("Alice"), FakeChatComponent.NOW),
                new Connection(BOB, new DisplayName("Bob"), FakeChatComponent.NOW))) {
            component.store.register(connection);
            component.rooms.join(RoomName.LOBBY, Member.of(connection), RoomLimit.DEFAULT);
        }
        List<Object> before = rows(component);

        var response = new SendMessageHandler(component)
                .handleRequest(Events.webSocketWithBody("send-message", ALICE.value(), frame), new RecordingContext());

        Map<String, Object> answer = SendMessageHandlerTest.json(response.getBody());
        FrameProperties.collectAnswerType(answer.get("type"), "ack");
        if (response.getStatusCode() == 200) {
            assertThat(answer).containsEntry("type", "ack");
            Object text = SendMessageHandlerTest.json(frame).get("Message");
            assertThat(component.store.find(ALICE).orElseThrow().latestMessage().orElseThrow().text())
                    .isEqualTo(new MessageText((String) text));
            assertThat(component.publisher.sent()).hasSizeLessThanOrEqualTo(1)
                    .allSatisfy(sent -> assertThat(sent.recipient()).isEqualTo(BOB));
        } else {
            assertThat(response.getStatusCode()).isEqualTo(400);
            assertThat(answer).containsEntry("type", "error");
            assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::name)).contains((String) answer.get("code"));
            assertThat(rows(component)).as("nothing written").isEqualTo(before);
            assertThat(component.publisher.sent()).as("nothing delivered").isEmpty();
        }
    }

    @Provide
    Arbitrary<String> frames() {
        Arbitrary<String> messageFrames = FrameProperties.anyJsonString()
                .map(text -> "{\"action\":\"sendMessage\",\"Message\":" + text + "}");
        Arbitrary<String> addresseeFrames = Arbitraries.of("to", "toUser", "room").flatMap(field ->
                FrameProperties.anyJsonString().map(text ->
                        "{\"action\":\"sendMessage\",\"Message\":\"hi\",\"" + field + "\":" + text + "}"));
        return Arbitraries.oneOf(FrameProperties.anyText(), messageFrames, addresseeFrames, FrameProperties.hostileFrames());
    }

    /** What the handler may write: the connections' rows and their rooms. */
    private static List<Object> rows(FakeChatComponent component) {
        return List.of(component.store.find(ALICE), component.store.find(BOB), component.rooms.roomsOf(ALICE),
                component.rooms.roomsOf(BOB));
    }
}
