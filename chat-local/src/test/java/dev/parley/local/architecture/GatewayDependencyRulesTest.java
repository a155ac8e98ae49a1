package dev.parley.local.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The API Gateway emulator knows nothing of chat: Parley is plugged into it from {@code dev.parley.local}, never the
 * other way. Test classes are left out, so the deliberate violations GatewayDependencyRuleFiresTest checks the rule
 * with do not fail it here.
 */
@AnalyzeClasses(packages = "dev.parley.local", importOptions = ImportOption.DoNotIncludeTests.class)
class GatewayDependencyRulesTest {

    private static final String GATEWAY = "dev.parley.local.gateway..";
    private static final String CHAT = "dev.parley.chat..";
    private static final String LOCAL = "dev.parley.local..";

    @ArchTest
    static final ArchRule gateway_depends_on_neither_chat_nor_the_wiring = noClasses()
            .that().resideInAPackage(GATEWAY)
            .should().dependOnClassesThat().resideInAPackage(CHAT)
            .orShould().dependOnClassesThat(resideInAPackage(LOCAL).and(resideOutsideOfPackage(GATEWAY)))
            .because("the gateway is a generic API Gateway emulator; dev.parley.local plugs Parley's handlers into it");
}
