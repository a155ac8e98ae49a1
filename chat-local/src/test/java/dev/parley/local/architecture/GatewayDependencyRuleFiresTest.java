package dev.parley.local.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.parley.local.gateway.violation.UsesChat;
import dev.parley.local.gateway.violation.UsesTheWiring;
import org.junit.jupiter.api.Test;

/** The gateway rule fails on gateway classes that reach into chat or into the wiring, so its passing means something. */
class GatewayDependencyRuleFiresTest {

    @Test
    void givenGatewayClassUsingAChatType_rule_fails() {
        assertRuleFails(UsesChat.class, "dev.parley.chat.domain.model.ConnectionId");
    }

    @Test
    void givenGatewayClassUsingTheWiring_rule_fails() {
        assertRuleFails(UsesTheWiring.class, "dev.parley.local.LocalOptions");
    }

    private static void assertRuleFails(Class<?> violation, String forbiddenDependency) {
        JavaClasses classes = new ClassFileImporter().importClasses(violation);

        assertThatThrownBy(() -> GatewayDependencyRulesTest.gateway_depends_on_neither_chat_nor_the_wiring.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(violation.getName())
                .hasMessageContaining(forbiddenDependency);
    }
}
