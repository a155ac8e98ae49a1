package dev.parley.chat.domain.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.parley.chat.domain.model.violation.ModelUsingALibrary;
import dev.parley.chat.domain.model.violation.ModelUsingAPort;
import dev.parley.chat.domain.model.violation.ModelUsingAService;
import dev.parley.chat.domain.port.in.violation.InboundPortUsingAnOutboundPort;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.domain.port.out.violation.PortUsingAService;
import dev.parley.chat.domain.service.ConnectService;
import org.junit.jupiter.api.Test;

/** Each rule fails on a fixture that breaks it, naming the fixture and the dependency: none can pass vacuously. */
class HexagonRulesFireTest {

    @Test
    void givenDomainClassUsingALibrary_domainDependsOnlyOnTheJdk_fires() {
        assertFires(HexagonRules.domainDependsOnlyOnTheJdk(), ModelUsingALibrary.class,
                "org.junit.jupiter.api.Assertions");
    }

    @Test
    void givenPortUsingAService_portsNeverDependOnServices_fires() {
        assertFires(HexagonRules.portsNeverDependOnServices(), PortUsingAService.class, ConnectService.class.getName());
    }

    @Test
    void givenModelUsingAPort_modelNeverDependsOnPortsOrServices_fires() {
        assertFires(HexagonRules.modelNeverDependsOnPortsOrServices(), ModelUsingAPort.class,
                ConnectionRegistry.class.getName());
    }

    @Test
    void givenModelUsingAService_modelNeverDependsOnPortsOrServices_fires() {
        assertFires(HexagonRules.modelNeverDependsOnPortsOrServices(), ModelUsingAService.class,
                ConnectService.class.getName());
    }

    @Test
    void givenInboundPortUsingAnOutboundPort_inboundPortsNeverDependOnOutboundPorts_fires() {
        assertFires(HexagonRules.inboundPortsNeverDependOnOutboundPorts(), InboundPortUsingAnOutboundPort.class,
                ConnectionRegistry.class.getName());
    }

    private static void assertFires(ArchRule rule, Class<?> fixture, String forbiddenDependency) {
        JavaClasses imported = new ClassFileImporter().importClasses(fixture);

        assertThatThrownBy(() -> rule.check(imported))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(fixture.getName())
                .hasMessageContaining(forbiddenDependency);
    }
}
