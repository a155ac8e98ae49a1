package dev.parley.chat.architecture.violations.modelsavesitself.domain.port.out;

import dev.parley.chat.architecture.violations.modelsavesitself.domain.model.SelfSavingConnection;

public interface ConnectionRegistry {

    void register(SelfSavingConnection connection);
}
