package dev.parley.chat.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.domain.model.BroadcastPage;
import dev.parley.chat.domain.model.BroadcastPlanning;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.MessageId;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BroadcastWorkCodecTest {

    private final BroadcastWorkCodec codec = new BroadcastWorkCodec();

    @Test
    void decode_readsBackWhatEncodeWrote() throws Exception {
        var page = new BroadcastPage(MessageId.random(), 7,
                List.of(new ConnectionId("QW5uLWNvbm4="), new ConnectionId("L0SM9cOFvHcCIhw=")));

        assertThat(codec.decode(codec.encode(page))).isEqualTo(page);
    }

    @Test
    void decode_readsBackAPlanning() throws Exception {
        var planning = new BroadcastPlanning(MessageId.random());

        assertThat(codec.decode(codec.encode(planning))).isEqualTo(planning);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[]", "{}", "{\"broadcastId\":\"x\",\"page\":1,\"recipients\":[\"a\"]}",
            "{\"broadcastId\":\"0b7c2d8e-51a4-4c1e-9a55-2f3c9d1e8a70\",\"page\":-1,\"recipients\":[\"a\"]}",
            "{\"broadcastId\":\"0b7c2d8e-51a4-4c1e-9a55-2f3c9d1e8a70\",\"page\":1,\"recipients\":[]}",
            "{\"broadcastId\":\"0b7c2d8e-51a4-4c1e-9a55-2f3c9d1e8a70\",\"page\":1,\"recipients\":[3]}",
            "{\"broadcastId\":\"0b7c2d8e-51a4-4c1e-9a55-2f3c9d1e8a70\",\"page\":\"1\",\"recipients\":[\"a\"]}",
            "{\"broadcastId\":\"0b7c2d8e-51a4-4c1e-9a55-2f3c9d1e8a70\",\"plan\":false}",
            "{\"broadcastId\":\"0b7c2d8e-51a4-4c1e-9a55-2f3c9d1e8a70\"}",
            "{\"broadcastId\":\"x\",\"plan\":true}"})
    void decode_refusesAnythingElse_asInvalidJson(String body) {
        assertThatThrownBy(() -> codec.decode(body))
                .isInstanceOfSatisfying(InvalidFrameException.class,
                        invalid -> assertThat(invalid.code()).isEqualTo(ErrorCode.INVALID_JSON))
                .hasMessageStartingWith("a broadcast work message ");
    }
}
