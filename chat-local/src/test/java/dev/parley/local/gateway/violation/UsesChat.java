package dev.parley.local.gateway.violation;

import dev.parley.chat.domain.model.ConnectionId;

/** Breaks the gateway rule on purpose, for GatewayDependencyRuleFiresTest: a gateway class that uses a chat type. */
public final class UsesChat {

    private UsesChat() {}

    static ConnectionId connection(String id) {
        return new ConnectionId(id);
    }
}
