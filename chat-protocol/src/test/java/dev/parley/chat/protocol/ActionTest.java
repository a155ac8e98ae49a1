package dev.parley.chat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ActionTest {

    @Test
    void theUnknownActionErrorNamesEveryActionInOrder() {
        assertThat(Action.ALL).isEqualTo("sendMessage, join, leave, members, history and ping");
    }

    @Test
    void anActionIsFoundByItsExactName() {
        assertThat(Action.forName("sendMessage")).contains(Action.SEND_MESSAGE);
        assertThat(Action.forName("SendMessage")).isEmpty();
    }
}
