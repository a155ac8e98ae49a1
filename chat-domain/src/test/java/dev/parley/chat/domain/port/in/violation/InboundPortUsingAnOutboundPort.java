package dev.parley.chat.domain.port.in.violation;

import dev.parley.chat.domain.port.out.ConnectionRegistry;

/** Breaks "inbound ports never depend on outbound ports" on purpose: a fixture for HexagonRulesFireTest alone. */
public interface InboundPortUsingAnOutboundPort {

    void connectThrough(ConnectionRegistry registry);
}
