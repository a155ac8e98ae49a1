package dev.parley.chat.adapter.out.memory;

import dev.parley.chat.domain.port.out.AbstractLimitRegistryTest;
import dev.parley.chat.domain.port.out.LimitRegistry;

class InMemoryLimitRegistryTest extends AbstractLimitRegistryTest {

    @Override
    protected LimitRegistry createEmptyRegistry() {
        return new InMemoryLimitRegistry();
    }
}
