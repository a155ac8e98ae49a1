package dev.parley.chat.domain.fakes;

import dev.parley.chat.domain.port.out.AbstractSendReceiptsTest;
import dev.parley.chat.domain.port.out.SendReceipts;

class InMemorySendReceiptsTest extends AbstractSendReceiptsTest {

    @Override
    protected SendReceipts createEmptyReceipts() {
        return new InMemorySendReceipts();
    }
}
