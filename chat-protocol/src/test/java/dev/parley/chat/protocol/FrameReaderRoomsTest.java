package dev.parley.chat.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.port.in.BroadcastCommand;
import dev.parley.chat.domain.port.in.JoinRoomCommand;
import dev.parley.chat.domain.port.in.LeaveRoomCommand;
import dev.parley.chat.domain.port.in.ListMembersCommand;
import dev.parley.chat.domain.port.in.SendMessageCommand;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How the reader takes the room frames and the addressees of a message: each field, and each way of getting it wrong. */
class FrameReaderRoomsTest {

    private static final ConnectionId ANN = new ConnectionId("L0SM9cOFvHcCIhw=");
    private static final RoomName DESIGN = new RoomName("design");

    private final FrameReader reader = new FrameReader();

    @Test
    void givenRoomFrames_joinLeaveAndMembers_readTheRoomAndTheCursor() throws InvalidFrameException {
        assertThat(reader.join(ANN, reader.frame("{\"action\":\"join\",\"room\":\"design\"}")))
                .isEqualTo(new JoinRoomCommand(ANN, DESIGN));
        assertThat(reader.leave(ANN, reader.frame("{\"action\":\"leave\",\"room\":\"a.B-9_:z\"}")))
                .isEqualTo(new LeaveRoomCommand(ANN, new RoomName("a.B-9_:z")));
        assertThat(reader.members(ANN, reader.frame("{\"action\":\"members\",\"room\":\"design\"}")))
                .isEqualTo(new ListMembersCommand(ANN, DESIGN, Optional.empty()));
        assertThat(reader.members(ANN, reader.frame("{\"action\":\"members\",\"room\":\"design\",\"cursor\":\""
                + "c".repeat(512) + "\"}")))
                .isEqualTo(new ListMembersCommand(ANN, DESIGN, Optional.of("c".repeat(512))));
    }

    @Test
    void givenRoomOfSixtyFourCharacters_join_readsIt() throws InvalidFrameException {
        String longest = "r".repeat(64);

        assertThat(reader.join(ANN, reader.frame("{\"action\":\"join\",\"room\":\"" + longest + "\"}")).room())
                .isEqualTo(new RoomName(longest));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ",\"room\":\"\"", ",\"room\":1", ",\"room\":null", ",\"room\":true", ",\"room\":[\"design\"]",
        ",\"room\":{\"name\":\"design\"}", ",\"room\":\"has space\"", ",\"room\":\"caf\u00e9\"", ",\"room\":\"a/b\"",
        ",\"room\":\"rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr\"", ",\"room\":\"design\\u0000\"",
        ",\"room\":\" design\"", ",\"room\":\"*\""})
    void givenRoomMissingOfTheWrongTypeOrBadlyNamed_joinLeaveAndMembers_areRefusedAsInvalidRoom(String roomField) {
        for (String action : new String[] {"join", "leave", "members"}) {
            String frame = "{\"action\":\"" + action + "\"" + roomField + "}";
            assertThatThrownBy(() -> {
                var fields = reader.frame(frame);
                switch (action) {
                    case "join" -> reader.join(ANN, fields);
                    case "leave" -> reader.leave(ANN, fields);
                    default -> reader.members(ANN, fields);
                }
            }).as(frame).isInstanceOfSatisfying(InvalidFrameException.class,
                    invalid -> assertThat(invalid.code()).isEqualTo(ErrorCode.INVALID_ROOM))
                    .hasMessageContaining("'room' must be a room name: 1 to 64 of the characters A-Z a-z 0-9 _ - . :");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "1", "null", "true", "[\"c\"]", "{\"next\":\"c\"}"})
    void givenCursorOfTheWrongTypeOrEmpty_members_isRefusedAsInvalidCursor(String cursor) {
        assertInvalid("{\"action\":\"members\",\"room\":\"design\",\"cursor\":" + cursor + "}", ErrorCode.INVALID_CURSOR,
                "'cursor' must be the cursor of the page before: a string of 1 to 512 characters");
    }

    @Test
    void givenCursorOf513Characters_members_isRefusedAsInvalidCursor() {
        assertInvalid("{\"action\":\"members\",\"room\":\"design\",\"cursor\":\"" + "c".repeat(513) + "\"}",
                ErrorCode.INVALID_CURSOR, "1 to 512 characters");
    }

    @Test
    void givenBadRoomAndBadCursor_members_blamesTheRoom() {
        assertInvalid("{\"action\":\"members\",\"room\":7,\"cursor\":7}", ErrorCode.INVALID_ROOM, "'room'");
    }

    @Test
    void givenEachAddressee_sendMessage_readsItAndNoneIsTheLobby() throws InvalidFrameException {
        assertThat(send("").to()).isEqualTo(new SendMessageCommand.ToRoom(RoomName.LOBBY));
        assertThat(send(",\"room\":\"design\"").to()).isEqualTo(new SendMessageCommand.ToRoom(DESIGN));
        assertThat(send(",\"room\":\"lobby\"").to()).isEqualTo(new SendMessageCommand.ToRoom(RoomName.LOBBY));
        assertThat(send(",\"to\":\"Bq3xYcOFvHcCEJA=\"").to())
                .isEqualTo(new SendMessageCommand.ToConnection(new ConnectionId("Bq3xYcOFvHcCEJA=")));
        assertThat(send(",\"toUser\":\"user-42\"").to()).isEqualTo(new SendMessageCommand.ToUser(new UserId("user-42")));
        assertThat(send(",\"toUser\":\"Ada Lovelace \u00e9\"").to())
                .isEqualTo(new SendMessageCommand.ToUser(new UserId("Ada Lovelace \u00e9")));
        assertThat(send("").text()).isEqualTo(new MessageText("hi"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        ",\"room\":\"design\",\"to\":\"Bq3xYcOFvHcCEJA=\"    | INVALID_ROOM      | a direct message has no room",
        ",\"room\":\"design\",\"toUser\":\"user-42\"         | INVALID_ROOM      | a direct message has no room",
        ",\"room\":1,\"to\":1,\"toUser\":1                   | INVALID_ROOM      | a direct message has no room",
        ",\"to\":\"Bq3xYcOFvHcCEJA=\",\"toUser\":\"user-42\" | UNKNOWN_RECIPIENT | not both",
        ",\"room\":\"\"                                      | INVALID_ROOM      | 'room' must be a room name",
        ",\"room\":1                                         | INVALID_ROOM      | 'room' must be a room name",
        ",\"room\":null                                      | INVALID_ROOM      | 'room' must be a room name",
        ",\"room\":\"rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr\" | INVALID_ROOM | 'room' must be a room name",
        ",\"to\":null                                        | UNKNOWN_RECIPIENT | 'to' must be the connection id",
        ",\"to\":7                                           | UNKNOWN_RECIPIENT | 'to' must be the connection id",
        ",\"toUser\":\"\"                                    | UNKNOWN_RECIPIENT | 'toUser' must be the user id",
        ",\"toUser\":null                                    | UNKNOWN_RECIPIENT | 'toUser' must be the user id",
        ",\"toUser\":42                                      | UNKNOWN_RECIPIENT | 'toUser' must be the user id",
        ",\"toUser\":[\"user-42\"]                           | UNKNOWN_RECIPIENT | 'toUser' must be the user id",
        ",\"toUser\":\"a\\u0007b\"                           | UNKNOWN_RECIPIENT | 'toUser' must be the user id",
        ",\"toUser\":\"uuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuu\" | UNKNOWN_RECIPIENT | 'toUser' must be the user id"
    })
    void givenAddresseesBadOrTogether_sendMessage_isRefusedWithTheirCode(String fields, ErrorCode code, String words) {
        assertInvalid("{\"action\":\"sendMessage\",\"Message\":\"hi\"" + fields + "}", code, words);
    }

    @Test
    void givenBadMessageAndBadRoom_sendMessage_blamesTheMessage() {
        assertInvalid("{\"action\":\"sendMessage\",\"Message\":\"\",\"room\":1}", ErrorCode.MISSING_MESSAGE, "'Message'");
    }

    @Test
    void givenBroadcastBodyWithOrWithoutRoom_broadcastRequest_readsIt() throws InvalidFrameException {
        assertThat(reader.broadcastRequest("{\"message\":\"noon\"}"))
                .isEqualTo(new BroadcastCommand(new MessageText("noon")));
        assertThat(reader.broadcastRequest("{\"message\":\"noon\",\"room\":\"design\"}"))
                .isEqualTo(new BroadcastCommand(new MessageText("noon"), Optional.of(DESIGN)));
    }

    @Test
    void givenBroadcastBodyAsBytes_broadcastRequest_readsStrictUtf8() throws InvalidFrameException {
        assertThat(reader.broadcastRequest("{\"message\":\"noon ✓\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new BroadcastCommand(new MessageText("noon ✓")));
        // a lone continuation byte, which a lenient decoder would read as U+FFFD
        byte[] notUtf8 = {'{', '"', 'm', 'e', 's', 's', 'a', 'g', 'e', '"', ':', '"', (byte) 0x80, '"', '}'};
        assertThatThrownBy(() -> reader.broadcastRequest(notUtf8))
                .isInstanceOfSatisfying(InvalidFrameException.class, invalid -> {
                    assertThat(invalid.code()).isEqualTo(ErrorCode.INVALID_JSON);
                    assertThat(invalid).hasMessage("the body is not UTF-8 text");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "1", "null", "\"has space\"", "[\"design\"]"})
    void givenBroadcastBodyWithBadRoom_broadcastRequest_isRefusedAsInvalidRoom(String room) {
        assertThatThrownBy(() -> reader.broadcastRequest("{\"message\":\"noon\",\"room\":" + room + "}"))
                .isInstanceOfSatisfying(InvalidFrameException.class,
                        invalid -> assertThat(invalid.code()).isEqualTo(ErrorCode.INVALID_ROOM));
    }

    private SendMessageCommand send(String fields) throws InvalidFrameException {
        return reader.sendMessage(ANN, reader.frame("{\"action\":\"sendMessage\",\"Message\":\"hi\"" + fields + "}"));
    }

    private void assertInvalid(String frame, ErrorCode code, String words) {
        assertThatThrownBy(() -> {
            var fields = reader.frame(frame);
            switch ((String) fields.get("action")) {
                case "members" -> reader.members(ANN, fields);
                default -> reader.sendMessage(ANN, fields);
            }
        }).as(frame).isInstanceOfSatisfying(InvalidFrameException.class,
                invalid -> assertThat(invalid.code()).isEqualTo(code)).hasMessageContaining(words);
    }
}
