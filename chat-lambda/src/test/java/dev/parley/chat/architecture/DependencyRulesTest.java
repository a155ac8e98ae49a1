package dev.parley.chat.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.regex.Pattern;

/**
 * Dependencies point inward, checked on the production code: how the rings around the domain meet. The domain's own
 * directions (plain Java; model, ports and services) are checked where it lives, by chat-domain's {@code HexagonRules}. Each rule also fails on code that breaks it:
 * {@link DependencyRulesFireTest}.
 */
@AnalyzeClasses(packages = "dev.parley.chat",
        importOptions = {ImportOption.DoNotIncludeTests.class, DependencyRulesTest.DoNotIncludeTestJars.class})
class DependencyRulesTest {

    /** The domain's and auth's test-jars (fakes and contract tests) are test code too, though they arrive as jars. */
    static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.matches(Pattern.compile(".*-tests\\.jar.*"));
        }
    }

    private static final Hexagon PARLEY = Hexagon.basePackage("dev.parley.chat");

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_each_other = PARLEY.adaptersDoNotDependOnEachOther();

    @ArchTest
    static final ArchRule inbound_adapters_never_depend_on_output_ports_or_services =
            PARLEY.inboundAdaptersNeverDependOnOutputPortsOrServices();

    @ArchTest
    static final ArchRule protocol_depends_only_on_the_domain_and_json = PARLEY.protocolDependsOnlyOnTheDomainAndJson();

    @ArchTest
    static final ArchRule tokens_depend_only_on_the_jdk_the_model_and_json =
            PARLEY.tokensDependOnlyOnTheJdkTheModelAndJson();

    @ArchTest
    static final ArchRule only_the_wiring_depends_on_services = PARLEY.onlyTheWiringDependsOnServices();

    @ArchTest
    static final ArchRule only_the_wiring_depends_on_adapters = PARLEY.onlyTheWiringDependsOnAdapters();

    @ArchTest
    static final ArchRule only_inbound_adapters_depend_on_the_wiring = PARLEY.onlyInboundAdaptersDependOnTheWiring();

    @ArchTest
    static final ArchRule the_wiring_is_entered_only_where_lambda_builds_a_handler =
            PARLEY.theWiringIsEnteredOnlyWhereLambdaBuildsAHandler();

    @ArchTest
    static final ArchRule inbound_adapters_never_touch_the_aws_sdk = PARLEY.inboundAdaptersNeverTouchTheAwsSdk();

    @ArchTest
    static final ArchRule only_the_wiring_builds_a_secrets_manager_client =
            PARLEY.onlyTheWiringBuildsASecretsManagerClient();

    @ArchTest
    static final ArchRule packages_are_free_of_cycles = PARLEY.packagesAreFreeOfCycles();
}
