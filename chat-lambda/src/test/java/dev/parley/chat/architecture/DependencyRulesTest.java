package dev.parley.chat.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.regex.Pattern;

/** Dependencies point inward: entry points and adapters depend on the domain, never the reverse. */
@AnalyzeClasses(packages = "dev.parley.chat",
        importOptions = {ImportOption.DoNotIncludeTests.class, DependencyRulesTest.DoNotIncludeTestJars.class})
class DependencyRulesTest {

    /** The domain's test-jar (fakes and contract tests) is test code too, though it arrives as a jar. */
    static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.matches(Pattern.compile(".*-tests\\.jar.*"));
        }
    }

    private static final String DOMAIN = "dev.parley.chat.domain..";
    private static final String ADAPTERS = "dev.parley.chat.adapter.out..";
    private static final String ENTRY_POINTS = "dev.parley.chat.adapter.in.lambda..";
    private static final String HANDLERS = "dev.parley.chat.adapter.in.lambda";
    private static final String WIRE_FORMAT = "dev.parley.chat.protocol..";
    private static final String AWS_SDK = "software.amazon.awssdk..";

    @ArchTest
    static final ArchRule domain_depends_only_on_the_jdk = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
            .because("the domain is plain Java: no AWS, no Dagger, no JSON library");

    @ArchTest
    static final ArchRule adapters_never_depend_on_entry_points = noClasses()
            .that().resideInAPackage(ADAPTERS)
            .should().dependOnClassesThat().resideInAPackage(ENTRY_POINTS);

    @ArchTest
    static final ArchRule domain_ports_are_implemented_only_by_adapters_and_services = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS, ENTRY_POINTS);

    @ArchTest
    static final ArchRule handlers_never_touch_the_aws_sdk = noClasses()
            .that().resideInAnyPackage(HANDLERS, WIRE_FORMAT)
            .should().dependOnClassesThat().resideInAPackage(AWS_SDK)
            .because("handlers reach AWS only through the domain's ports, wired by the Dagger modules");

    @ArchTest
    static final ArchRule handlers_never_use_adapters_directly = noClasses()
            .that().resideInAPackage(HANDLERS)
            .should().dependOnClassesThat().resideInAPackage(ADAPTERS);

    @ArchTest
    static final ArchRule packages_are_free_of_cycles = slices()
            .matching("dev.parley.chat.(**)")
            .should().beFreeOfCycles();
}
