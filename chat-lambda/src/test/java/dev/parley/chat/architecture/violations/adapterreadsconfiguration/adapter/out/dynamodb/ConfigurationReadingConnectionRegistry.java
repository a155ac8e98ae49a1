package dev.parley.chat.architecture.violations.adapterreadsconfiguration.adapter.out.dynamodb;

import dev.parley.chat.architecture.violations.adapterreadsconfiguration.wiring.ChatConfiguration;

/** Breaks "only inbound adapters depend on the wiring": the adapter reads the function's configuration itself. */
public final class ConfigurationReadingConnectionRegistry {

    private final String tableName;

    public ConfigurationReadingConnectionRegistry(ChatConfiguration configuration) {
        this.tableName = configuration.tableName();
    }

    public String tableName() {
        return tableName;
    }
}
