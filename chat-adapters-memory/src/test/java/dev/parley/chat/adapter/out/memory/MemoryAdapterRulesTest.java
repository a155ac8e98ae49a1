package dev.parley.chat.adapter.out.memory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.parley.chat.adapter.out.memory", importOptions = ImportOption.DoNotIncludeTests.class)
class MemoryAdapterRulesTest {

    @ArchTest
    static final ArchRule inMemoryAdaptersUseOnlyTheDomainAndTheJdk = classes()
            .that().resideInAPackage("dev.parley.chat.adapter.out.memory..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("dev.parley.chat.adapter.out.memory..", "dev.parley.chat.domain.model..",
                    "dev.parley.chat.domain.port.out..", "java..")
            .because("a chat-server without AWS, the tests and the benchmarks all run on these adapters alone");
}
