package dev.parley.chat.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.domain.model.ClientMessageId;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.Epoch;
import dev.parley.chat.domain.model.HistoryPosition;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.port.in.HistoryCommand;
import dev.parley.chat.domain.port.in.JoinRoomCommand;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How the reader takes a join's {@code since}, a {@code history} request and a message's {@code clientId}. */
class FrameReaderHistoryTest {

    private static final ConnectionId ANN = new ConnectionId("L0SM9cOFvHcCIhw=");
    private static final RoomName DESIGN = new RoomName("design");

    private final FrameReader reader = new FrameReader();

    @Test
    void joinWithSince_readsThePositionAndTheClientId() throws InvalidFrameException {
        var command = reader.join(ANN, reader.frame("{\"action\":\"join\",\"room\":\"design\","
                + "\"since\":{\"epoch\":\"e-1\",\"seq\":41},\"clientId\":\"j-1\"}"));

        assertThat(command).isEqualTo(new JoinRoomCommand(ANN, DESIGN,
                Optional.of(new HistoryPosition(new Epoch("e-1"), 41)), Optional.of(new ClientMessageId("j-1"))));
        assertThat(reader.join(ANN, reader.frame("{\"action\":\"join\",\"room\":\"design\","
                + "\"since\":{\"seq\":9007199254740991,\"epoch\":\"E\"}}")).since())
                .contains(new HistoryPosition(new Epoch("E"), 9_007_199_254_740_991L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "41", "\"e-1:41\"", "[]", "{}", "{\"epoch\":\"e-1\"}", "{\"seq\":41}",
            "{\"epoch\":\"e-1\",\"seq\":-1}", "{\"epoch\":\"e-1\",\"seq\":41.0}", "{\"epoch\":\"e-1\",\"seq\":\"41\"}",
            "{\"epoch\":\"e-1\",\"seq\":9007199254740992}", "{\"epoch\":\"e-1\",\"seq\":1e3}",
            "{\"epoch\":\"\",\"seq\":1}", "{\"epoch\":\"e#1\",\"seq\":1}", "{\"epoch\":7,\"seq\":1}",
            "{\"epoch\":\"e-1\",\"seq\":1,\"more\":true}", "{\"epoch\":null,\"seq\":null}"})
    void givenSinceThatIsNoPosition_join_isInvalidSince(String since) throws InvalidFrameException {
        var frame = reader.frame("{\"action\":\"join\",\"room\":\"design\",\"since\":" + since + "}");

        assertThatThrownBy(() -> reader.join(ANN, frame)).isInstanceOfSatisfying(InvalidFrameException.class,
                invalid -> assertThat(invalid.code()).isEqualTo(ErrorCode.INVALID_SINCE));
    }

    @Test
    void history_readsBeforeAndLimit_fiftyWhenNoLimit() throws InvalidFrameException {
        assertThat(reader.history(ANN, reader.frame("{\"action\":\"history\",\"room\":\"design\"}")))
                .isEqualTo(new HistoryCommand(ANN, DESIGN, OptionalLong.empty(), 50, Optional.empty()));
        assertThat(reader.history(ANN, reader.frame("{\"action\":\"history\",\"room\":\"design\",\"before\":812,"
                + "\"limit\":100,\"clientId\":\"h-2\"}")))
                .isEqualTo(new HistoryCommand(ANN, DESIGN, OptionalLong.of(812), 100,
                        Optional.of(new ClientMessageId("h-2"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"before\":0", "\"before\":-5", "\"before\":1.5", "\"before\":\"812\"", "\"before\":null",
            "\"before\":9007199254740992", "\"limit\":0", "\"limit\":101", "\"limit\":\"10\"", "\"limit\":null",
            "\"limit\":2147483648", "\"limit\":[]"})
    void givenBeforeOrLimitOutOfRange_history_isInvalidPage(String field) throws InvalidFrameException {
        var frame = reader.frame("{\"action\":\"history\",\"room\":\"design\"," + field + "}");

        assertThatThrownBy(() -> reader.history(ANN, frame)).isInstanceOfSatisfying(InvalidFrameException.class,
                invalid -> assertThat(invalid.code()).isEqualTo(ErrorCode.INVALID_PAGE));
    }

    @Test
    void givenNoRoomOrABadOne_history_isInvalidRoom() throws InvalidFrameException {
        for (String frame : new String[] {"{\"action\":\"history\"}", "{\"action\":\"history\",\"room\":\"a b\"}"}) {
            var fields = reader.frame(frame);
            assertThatThrownBy(() -> reader.history(ANN, fields)).isInstanceOfSatisfying(InvalidFrameException.class,
                    invalid -> assertThat(invalid.code()).isEqualTo(ErrorCode.INVALID_ROOM));
        }
    }

    @Test
    void sendMessage_takesAValidClientIdAsTheMessagesOwnId_andIgnoresAnInvalidOne() throws InvalidFrameException {
        assertThat(reader.sendMessage(ANN, reader.frame("{\"action\":\"sendMessage\",\"Message\":\"hi\","
                + "\"clientId\":\"m-1\"}")).clientId()).contains(new ClientMessageId("m-1"));
        assertThat(reader.sendMessage(ANN, reader.frame("{\"action\":\"sendMessage\",\"Message\":\"hi\","
                + "\"clientId\":\"m 1\"}")).clientId()).isEmpty();
    }
}
