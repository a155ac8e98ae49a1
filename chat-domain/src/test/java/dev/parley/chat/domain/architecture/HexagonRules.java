package dev.parley.chat.domain.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;

/**
 * The dependency rules of the domain, one per direction that must never be taken, each by name so a test can check it
 * against the real code and against a fixture that breaks it.
 */
final class HexagonRules {

    static final String DOMAIN = "dev.parley.chat.domain";

    private HexagonRules() {}

    static ArchRule domainDependsOnlyOnTheJdk() {
        return classes().that().resideInAPackage(DOMAIN + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN + "..", "java..")
                .because("the domain is plain Java, whatever the adapters run on");
    }

    static ArchRule portsNeverDependOnServices() {
        return layer("port").neverDependsOn("service")
                .because("a port is the contract the services fulfil or use, not a view of how they do it");
    }

    static ArchRule modelNeverDependsOnPortsOrServices() {
        return layer("model").neverDependsOn("port", "service")
                .because("the model's rules hold whoever calls them and wherever records are kept");
    }

    static ArchRule inboundPortsNeverDependOnOutboundPorts() {
        return layer("port.in").neverDependsOn("port.out")
                .because("what a use case offers must not change with how the domain reaches the outside");
    }

    private static Layer layer(String name) {
        return new Layer(name);
    }

    /** A package of the domain with everything under it, such as {@code port} or {@code port.in}. */
    private record Layer(String name) {

        ArchRule neverDependsOn(String... others) {
            String[] forbidden = Arrays.stream(others).map(other -> new Layer(other).packages()).toArray(String[]::new);
            return noClasses().that().resideInAPackage(packages())
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden);
        }

        String packages() {
            return DOMAIN + "." + name + "..";
        }
    }
}
