package dev.parley.chat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.domain.model.BroadcastMessage;
import dev.parley.chat.domain.model.ChatMessage;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.port.in.BroadcastReport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The exact bytes of every frame Parley sends: clients and the end-to-end tests compare them as text. */
class FrameWriterTest {

    private static final MessageId ID = new MessageId(UUID.fromString("0b6f5c2e-4d1a-4c8e-9f3b-2a7d9e1c5b40"));
    private static final Instant SENT_AT = Instant.parse("2026-11-25T10:15:41.987Z");

    private final FrameWriter writer = new FrameWriter();

    @Test
    void givenChatMessage_encode_writesTheMessageFrameWithTheTextEscapedAndNonAsciiAsUtf8() {
        var message = new ChatMessage(ID, new ConnectionId("L0SM9cOFvHcCIhw="), new DisplayName("Zoë"),
                Optional.empty(), new MessageText("say \"hi\"\u0007 \uD83D\uDE00"), SENT_AT, Optional.empty());

        assertThat(new String(writer.encode(message), StandardCharsets.UTF_8)).isEqualTo("{\"type\":\"message\","
                + "\"id\":\"0b6f5c2e-4d1a-4c8e-9f3b-2a7d9e1c5b40\",\"from\":\"L0SM9cOFvHcCIhw=\",\"name\":\"Zoë\","
                + "\"message\":\"say \\\"hi\\\"\\u0007 \uD83D\uDE00\",\"sentAt\":\"2026-11-25T10:15:41.987Z\","
                + "\"direct\":true}");
    }

    @Test
    void givenBroadcast_encode_writesTheBroadcastFrame() {
        var broadcast = new BroadcastMessage(ID, new MessageText("maintenance at noon"), SENT_AT);

        assertThat(new String(writer.encode(broadcast), StandardCharsets.UTF_8)).isEqualTo("{\"type\":\"broadcast\","
                + "\"id\":\"0b6f5c2e-4d1a-4c8e-9f3b-2a7d9e1c5b40\",\"message\":\"maintenance at noon\","
                + "\"sentAt\":\"2026-11-25T10:15:41.987Z\"}");
    }

    @Test
    void givenClientIdOrNone_ackAndError_echoItLastOrLeaveItOut() {
        assertThat(writer.ack(ID, 3, Optional.empty()))
                .isEqualTo("{\"type\":\"ack\",\"id\":\"0b6f5c2e-4d1a-4c8e-9f3b-2a7d9e1c5b40\",\"recipients\":3}");
        assertThat(writer.ack(ID, 0, Optional.of("m-1")))
                .isEqualTo("{\"type\":\"ack\",\"id\":\"0b6f5c2e-4d1a-4c8e-9f3b-2a7d9e1c5b40\",\"recipients\":0,"
                        + "\"clientId\":\"m-1\"}");
        assertThat(writer.error(ErrorCode.MISSING_MESSAGE, "'Message' must be a non-empty string"))
                .isEqualTo("{\"type\":\"error\",\"code\":\"MISSING_MESSAGE\","
                        + "\"message\":\"'Message' must be a non-empty string\"}");
        assertThat(writer.error(ErrorCode.INTERNAL, "try again", Optional.of("m_2")))
                .isEqualTo("{\"type\":\"error\",\"code\":\"INTERNAL\",\"message\":\"try again\",\"clientId\":\"m_2\"}");
    }

    @Test
    void givenWaitWithAPartMillisecond_rateLimited_roundsTheRetryUpToTheNextWholeMillisecond() {
        assertThat(writer.rateLimited(Duration.ofNanos(1_000_001), Optional.of("m3")))
                .isEqualTo("{\"type\":\"error\",\"code\":\"RATE_LIMITED\",\"message\":\"too many messages at once: "
                        + "this one was not sent; send it again in 2 ms\",\"retryAfterMs\":2,\"clientId\":\"m3\"}");
        assertThat(writer.rateLimited(Duration.ofMillis(100), Optional.empty()))
                .isEqualTo("{\"type\":\"error\",\"code\":\"RATE_LIMITED\",\"message\":\"too many messages at once: "
                        + "this one was not sent; send it again in 100 ms\",\"retryAfterMs\":100}");
    }

    @Test
    void givenPingOrBroadcastReport_pongAndBroadcastReport_writeTheirObjects() {
        assertThat(writer.pong()).isEqualTo("{\"type\":\"pong\"}");
        assertThat(writer.broadcastReport(new BroadcastReport(ID, 10, 7, 2, 1)))
                .isEqualTo("{\"broadcastId\":\"0b6f5c2e-4d1a-4c8e-9f3b-2a7d9e1c5b40\",\"attempted\":10,"
                        + "\"delivered\":7,\"gone\":2,\"failed\":1}");
    }
}
