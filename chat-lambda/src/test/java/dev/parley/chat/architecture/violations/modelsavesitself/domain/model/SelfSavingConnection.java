package dev.parley.chat.architecture.violations.modelsavesitself.domain.model;

import dev.parley.chat.architecture.violations.modelsavesitself.domain.port.out.ConnectionRegistry;

/** Breaks "the model never depends on ports": a record that stores itself. */
public record SelfSavingConnection(String id) {

    public void save(ConnectionRegistry registry) {
        registry.register(this);
    }
}
