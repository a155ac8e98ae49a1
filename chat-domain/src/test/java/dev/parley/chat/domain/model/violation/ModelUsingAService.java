package dev.parley.chat.domain.model.violation;

import dev.parley.chat.domain.service.ConnectService;

/** Breaks "the model never depends on services" on purpose: a fixture for HexagonRulesFireTest alone. */
public final class ModelUsingAService {

    public String describe(ConnectService service) {
        return service.toString();
    }
}
