package dev.parley.chat.domain.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rules on the domain's own code; the fixtures that break them on purpose are test code, left out here. */
@AnalyzeClasses(packages = HexagonRules.DOMAIN, importOptions = ImportOption.DoNotIncludeTests.class)
class HexagonRulesTest {

    @ArchTest
    static final ArchRule domain_depends_only_on_the_jdk = HexagonRules.domainDependsOnlyOnTheJdk();

    @ArchTest
    static final ArchRule ports_never_depend_on_services = HexagonRules.portsNeverDependOnServices();

    @ArchTest
    static final ArchRule model_never_depends_on_ports_or_services = HexagonRules.modelNeverDependsOnPortsOrServices();

    @ArchTest
    static final ArchRule inbound_ports_never_depend_on_outbound_ports =
            HexagonRules.inboundPortsNeverDependOnOutboundPorts();
}
