package dev.parley.chat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.domain.model.BroadcastMessage;
import dev.parley.chat.domain.model.ChatMessage;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.Epoch;
import dev.parley.chat.domain.model.HistoryHead;
import dev.parley.chat.domain.model.HistoryPosition;
import dev.parley.chat.domain.model.Member;
import dev.parley.chat.domain.model.MemberPage;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.PresenceEvent;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.port.in.BroadcastReport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The exact bytes of every frame Parley sends: clients and the end-to-end tests compare them as text. */
class FrameWriterTest {

    private static final MessageId ID = new MessageId(UUID.fromString("0b6f5c2e-4d1a-4c8e-9f3b-2a7d9e1c5b40"));
    private static final Instant SENT_AT = Instant.parse("2026-11-25T10:15:41.987Z");

    private static final RoomName DESIGN = new RoomName("design");
    private static final Member ADA = new Member(new ConnectionId("L0SM9cOFvHcCIhw="), Optional.of(new UserId("user-42")),
            new DisplayName("Ada"));
    private static final Member GUEST = new Member(new ConnectionId("Bq3xYcOFvHcCEJA="), Optional.empty(),
            new DisplayName("guest-Bq3x"));

    private static final HistoryHead HEAD =
            new HistoryHead(new HistoryPosition(new Epoch("e-1"), 812), Optional.of(SENT_AT));

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
    void givenRoomMessageFromAUser_encode_writesTheSendersUserIdAndTheRoom() {
        var message = new ChatMessage(ID, new ConnectionId("L0SM9cOFvHcCIhw="), new DisplayName("Ada"),
                Optional.of(new UserId("user-42")), new MessageText("hi"), SENT_AT, Optional.of(DESIGN));

        assertThat(text(writer.encode(message))).isEqualTo("{\"type\":\"message\","
                + "\"id\":\"0b6f5c2e-4d1a-4c8e-9f3b-2a7d9e1c5b40\",\"from\":\"L0SM9cOFvHcCIhw=\",\"name\":\"Ada\","
                + "\"userId\":\"user-42\",\"message\":\"hi\",\"sentAt\":\"2026-11-25T10:15:41.987Z\",\"direct\":false,"
                + "\"room\":\"design\"}");
    }

    @Test
    void givenLobbyMessageFromAnAnonymousConnection_encode_writesTheLobbyAndNoUserId() {
        var message = new ChatMessage(ID, new ConnectionId("L0SM9cOFvHcCIhw="), new DisplayName("Ann"),
                Optional.empty(), new MessageText("hi"), SENT_AT, Optional.of(RoomName.LOBBY));

        assertThat(text(writer.encode(message))).isEqualTo("{\"type\":\"message\","
                + "\"id\":\"0b6f5c2e-4d1a-4c8e-9f3b-2a7d9e1c5b40\",\"from\":\"L0SM9cOFvHcCIhw=\",\"name\":\"Ann\","
                + "\"message\":\"hi\",\"sentAt\":\"2026-11-25T10:15:41.987Z\",\"direct\":false,\"room\":\"lobby\"}");
    }

    @Test
    void givenBroadcastToARoom_encode_writesTheRoomLast() {
        var broadcast = new BroadcastMessage(ID, new MessageText("noon"), SENT_AT, Optional.of(DESIGN));

        assertThat(text(writer.encode(broadcast))).isEqualTo("{\"type\":\"broadcast\","
                + "\"id\":\"0b6f5c2e-4d1a-4c8e-9f3b-2a7d9e1c5b40\",\"message\":\"noon\","
                + "\"sentAt\":\"2026-11-25T10:15:41.987Z\",\"room\":\"design\"}");
    }

    @Test
    void givenPresenceEvents_encode_writesThePresenceFrameWithTheMemberAndTheCount() {
        var join = new PresenceEvent(ID, DESIGN, PresenceEvent.Kind.JOIN, ADA, 3, SENT_AT);
        var leave = new PresenceEvent(ID, RoomName.LOBBY, PresenceEvent.Kind.LEAVE, GUEST, 0, SENT_AT);

        assertThat(text(writer.encode(join))).isEqualTo("{\"type\":\"presence\",\"room\":\"design\","
                + "\"event\":\"join\",\"member\":{\"userId\":\"user-42\",\"connectionId\":\"L0SM9cOFvHcCIhw=\","
                + "\"name\":\"Ada\"},\"count\":3}");
        assertThat(text(writer.encode(leave))).isEqualTo("{\"type\":\"presence\",\"room\":\"lobby\","
                + "\"event\":\"leave\",\"member\":{\"connectionId\":\"Bq3xYcOFvHcCEJA=\",\"name\":\"guest-Bq3x\"},"
                + "\"count\":0}");
    }

    @Test
    void givenFirstPageOfMore_joined_writesTheMembersTheCountMoreAndTheCursorThenTheClientId() {
        var page = new MemberPage(List.of(ADA, GUEST), 150, Optional.of("eyJrIjoicCN1c2VyOjQyIn0"));

        assertThat(writer.joined(DESIGN, page, HEAD, Optional.of("j-1"))).isEqualTo("{\"type\":\"joined\","
                + "\"room\":\"design\",\"members\":[{\"userId\":\"user-42\",\"connectionId\":\"L0SM9cOFvHcCIhw=\","
                + "\"name\":\"Ada\"},{\"connectionId\":\"Bq3xYcOFvHcCEJA=\",\"name\":\"guest-Bq3x\"}],\"count\":150,"
                + "\"more\":true,\"cursor\":\"eyJrIjoicCN1c2VyOjQyIn0\",\"epoch\":\"e-1\",\"seq\":812,"
                + "\"clientId\":\"j-1\"}");
    }

    @Test
    void givenLastPageOrEmptyOne_joinedAndMembers_writeNoCursor() {
        assertThat(writer.joined(DESIGN, new MemberPage(List.of(ADA), 1, Optional.empty()), HEAD, Optional.empty()))
                .isEqualTo("{\"type\":\"joined\",\"room\":\"design\",\"members\":[{\"userId\":\"user-42\","
                        + "\"connectionId\":\"L0SM9cOFvHcCIhw=\",\"name\":\"Ada\"}],\"count\":1,\"more\":false,"
                        + "\"epoch\":\"e-1\",\"seq\":812}");
        assertThat(writer.members(DESIGN, new MemberPage(List.of(), 0, Optional.empty()), Optional.of("m-9")))
                .isEqualTo("{\"type\":\"members\",\"room\":\"design\",\"members\":[],\"count\":0,\"more\":false,"
                        + "\"clientId\":\"m-9\"}");
        assertThat(writer.members(DESIGN, new MemberPage(List.of(GUEST), 101, Optional.of("next")), Optional.empty()))
                .isEqualTo("{\"type\":\"members\",\"room\":\"design\",\"members\":[{\"connectionId\":"
                        + "\"Bq3xYcOFvHcCEJA=\",\"name\":\"guest-Bq3x\"}],\"count\":101,\"more\":true,\"cursor\":\"next\"}");
    }

    @Test
    void givenRoom_left_writesTheRoomAndEchoesTheClientId() {
        assertThat(writer.left(DESIGN, Optional.empty())).isEqualTo("{\"type\":\"left\",\"room\":\"design\"}");
        assertThat(writer.left(DESIGN, Optional.of("l-2")))
                .isEqualTo("{\"type\":\"left\",\"room\":\"design\",\"clientId\":\"l-2\"}");
    }

    @Test
    void givenRoomErrorCodes_error_writesTheirNames() {
        assertThat(writer.error(ErrorCode.NOT_A_MEMBER, "join 'design' first", Optional.of("m-1")))
                .isEqualTo("{\"type\":\"error\",\"code\":\"NOT_A_MEMBER\",\"message\":\"join 'design' first\","
                        + "\"clientId\":\"m-1\"}");
        assertThat(List.of(ErrorCode.values())).extracting(ErrorCode::name).contains("INVALID_ROOM", "TOO_MANY_ROOMS",
                "NOT_A_MEMBER", "FORBIDDEN_ROOM", "INVALID_NAME", "INVALID_CURSOR");
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
        assertThat(writer.ack(ID, OptionalLong.empty(), 3, Optional.empty()))
                .isEqualTo("{\"type\":\"ack\",\"id\":\"0b6f5c2e-4d1a-4c8e-9f3b-2a7d9e1c5b40\",\"recipients\":3}");
        assertThat(writer.ack(ID, OptionalLong.empty(), 0, Optional.of("m-1")))
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
                .isEqualTo("{\"type\":\"error\",\"code\":\"RATE_LIMITED\",\"message\":\"too many frames at once: "
                        + "this one was not handled; send it again in 2 ms\",\"retryAfterMs\":2,\"clientId\":\"m3\"}");
        assertThat(writer.rateLimited(Duration.ofMillis(100), Optional.empty()))
                .isEqualTo("{\"type\":\"error\",\"code\":\"RATE_LIMITED\",\"message\":\"too many frames at once: "
                        + "this one was not handled; send it again in 100 ms\",\"retryAfterMs\":100}");
    }

    @Test
    void givenPingOrBroadcastReport_pongAndBroadcastReport_writeTheirObjects() {
        assertThat(writer.pong()).isEqualTo("{\"type\":\"pong\"}");
        assertThat(writer.broadcastReport(new BroadcastReport(ID, 10, 7, 2, 1)))
                .isEqualTo("{\"broadcastId\":\"0b6f5c2e-4d1a-4c8e-9f3b-2a7d9e1c5b40\",\"attempted\":10,"
                        + "\"delivered\":7,\"gone\":2,\"failed\":1}");
    }

    private static String text(byte[] frame) {
        return new String(frame, StandardCharsets.UTF_8);
    }
}
