package dev.parley.chat.adapter.out.memory;

import dev.parley.chat.domain.port.out.AbstractSendReceiptsTest;
import dev.parley.chat.domain.port.out.SendReceipts;

class InMemorySendReceiptsTest extends AbstractSendReceiptsTest {

    @Override
    protected SendReceipts createEmptyReceipts() {
        return new InMemorySendReceipts();
    }
}
