package dev.parley.chat.adapter.out.memory;

import dev.parley.chat.domain.port.out.AbstractMessageHistoryTest;
import dev.parley.chat.domain.port.out.MessageHistory;

class InMemoryMessageHistoryTest extends AbstractMessageHistoryTest {

    @Override
    protected MessageHistory createEmptyHistory() {
        return new InMemoryMessageHistory();
    }
}
