package dev.parley.chat.adapter.out.memory;

import dev.parley.chat.domain.port.out.AbstractConnectionRegistryTest;
import dev.parley.chat.domain.port.out.ConnectionRegistry;

class InMemoryConnectionRegistryTest extends AbstractConnectionRegistryTest {

    @Override
    protected ConnectionRegistry createEmptyRegistry() {
        return new InMemoryConnectionRegistry();
    }
}
