package dev.parley.chat.domain.port.out.violation;

import dev.parley.chat.domain.service.ConnectService;

/** Breaks "ports never depend on services" on purpose: a fixture for HexagonRulesFireTest alone. */
public interface PortUsingAService {

    void serve(ConnectService service);
}
