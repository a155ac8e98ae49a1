package dev.parley.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LoadMessageTest {

    @Test
    void givenAMessage_frameTextAndClientId_carryItWhole() {
        var message = new LoadMessage(17, 23, 912_000_431L);

        assertThat(message.frame()).isEqualTo("{\"action\":\"sendMessage\",\"Message\":\"load 17-23-912000431\","
                + "\"clientId\":\"17-23-912000431\"}");
        assertThat(LoadMessage.fromText(message.text())).contains(message);
        assertThat(LoadMessage.fromClientId(message.clientId())).contains(message);
        assertThat(message.clientId()).matches("[A-Za-z0-9_-]{1,64}");
    }

    @Test
    void givenTheLargestValues_clientId_staysWithinTheProtocolsLength() {
        assertThat(new LoadMessage(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE).clientId()).hasSizeLessThan(64);
    }

    @Test
    void givenOtherTexts_fromTextAndFromClientId_findNoMessage() {
        assertThat(LoadMessage.fromText("hello")).isEmpty();
        assertThat(LoadMessage.fromText("load 1-2")).isEmpty();
        assertThat(LoadMessage.fromText("load 1-x-3")).isEmpty();
        assertThat(LoadMessage.fromClientId("1-2-3-4")).isEmpty();
        assertThat(LoadMessage.fromClientId("-1-2-3")).isEmpty();
        assertThat(LoadMessage.fromClientId("null")).isEmpty();
    }

    @Test
    void givenANegativeField_constructor_throwsClearError() {
        assertThatThrownBy(() -> new LoadMessage(0, -1, 0)).hasMessageContaining("must not be negative");
    }
}
