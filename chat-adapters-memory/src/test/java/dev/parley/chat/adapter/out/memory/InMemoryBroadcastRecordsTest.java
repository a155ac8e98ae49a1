package dev.parley.chat.adapter.out.memory;

import dev.parley.chat.domain.port.out.AbstractBroadcastRecordsTest;
import dev.parley.chat.domain.port.out.BroadcastRecords;

class InMemoryBroadcastRecordsTest extends AbstractBroadcastRecordsTest {

    @Override
    protected BroadcastRecords createEmptyRecords() {
        return new InMemoryBroadcastRecords();
    }
}
