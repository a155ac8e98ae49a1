package dev.parley.local.gateway.violation;

import dev.parley.local.LocalOptions;

/** Breaks the gateway rule on purpose, for GatewayDependencyRuleFiresTest: a gateway class that uses the wiring. */
public final class UsesTheWiring {

    private UsesTheWiring() {}

    static LocalOptions options() {
        return LocalOptions.defaults();
    }
}
