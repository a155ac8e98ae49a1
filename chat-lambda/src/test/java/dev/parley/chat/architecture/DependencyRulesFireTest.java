package dev.parley.chat.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.parley.chat.architecture.violations.adaptercallsadapter.adapter.out.dynamodb.PublisherCallingConnectionRegistry;
import dev.parley.chat.architecture.violations.adapterreadsconfiguration.adapter.out.dynamodb.ConfigurationReadingConnectionRegistry;
import dev.parley.chat.architecture.violations.authorizerreadssecret.adapter.in.lambda.authorizer.SecretReadingAuthorizerHandler;
import dev.parley.chat.architecture.violations.handlerauthorizercycle.adapter.in.lambda.ConnectHandler;
import dev.parley.chat.architecture.violations.handlerauthorizercycle.adapter.in.lambda.authorizer.AuthorizerContext;
import dev.parley.chat.architecture.violations.handlerbuildsservice.adapter.in.lambda.ServiceBuildingSendMessageHandler;
import dev.parley.chat.architecture.violations.handlercallsadapter.adapter.in.lambda.TableWritingConnectHandler;
import dev.parley.chat.architecture.violations.handlerlooksupcomponent.adapter.in.lambda.ComponentFetchingFrameReader;
import dev.parley.chat.architecture.violations.handlerlooksupcomponent.adapter.in.lambda.ComponentFetchingSendMessageHandler;
import dev.parley.chat.architecture.violations.handlerusesoutputport.adapter.in.lambda.RegistryDrivingDisconnectHandler;
import dev.parley.chat.architecture.violations.protocolcallsadapter.protocol.PublisherCallingWireFormat;
import dev.parley.chat.architecture.violations.protocolreadstokens.protocol.TokenReadingWireFormat;
import dev.parley.chat.architecture.violations.tokensreadaws.auth.AwsReadingSigningKey;
import java.util.Arrays;
import java.util.function.Function;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link Hexagon} fails on code that breaks it: fixtures under {@code violations.<case>}, each laid out
 * like Parley's rings under its own base package, and never seen by {@link DependencyRulesTest} (they are test code).
 */
class DependencyRulesFireTest {

    private static final String VIOLATIONS = "dev.parley.chat.architecture.violations";

    @Test
    void an_outbound_adapter_calling_another_breaks_adapters_do_not_depend_on_each_other() {
        assertFires(Hexagon::adaptersDoNotDependOnEachOther, "adaptercallsadapter",
                PublisherCallingConnectionRegistry.class);
    }

    @Test
    void a_handler_calling_an_outbound_adapter_breaks_adapters_do_not_depend_on_each_other() {
        assertFires(Hexagon::adaptersDoNotDependOnEachOther, "handlercallsadapter",
                TableWritingConnectHandler.class);
    }

    @Test
    void a_handler_driving_an_output_port_breaks_inbound_adapters_never_depend_on_output_ports_or_services() {
        assertFires(Hexagon::inboundAdaptersNeverDependOnOutputPortsOrServices, "handlerusesoutputport",
                RegistryDrivingDisconnectHandler.class);
    }

    @Test
    void a_handler_building_a_service_breaks_inbound_adapters_never_depend_on_output_ports_or_services() {
        assertFires(Hexagon::inboundAdaptersNeverDependOnOutputPortsOrServices, "handlerbuildsservice",
                ServiceBuildingSendMessageHandler.class);
    }

    @Test
    void a_wire_format_reading_tokens_breaks_protocol_depends_only_on_the_domain_and_json() {
        assertFires(Hexagon::protocolDependsOnlyOnTheDomainAndJson, "protocolreadstokens",
                TokenReadingWireFormat.class);
    }

    @Test
    void a_signing_key_using_the_aws_sdk_breaks_tokens_depend_only_on_the_jdk_the_model_and_json() {
        assertFires(Hexagon::tokensDependOnlyOnTheJdkTheModelAndJson, "tokensreadaws", AwsReadingSigningKey.class);
    }

    @Test
    void a_handler_building_a_service_breaks_only_the_wiring_depends_on_services() {
        assertFires(Hexagon::onlyTheWiringDependsOnServices, "handlerbuildsservice",
                ServiceBuildingSendMessageHandler.class);
    }

    @Test
    void a_wire_format_calling_a_publisher_breaks_only_the_wiring_depends_on_adapters() {
        assertFires(Hexagon::onlyTheWiringDependsOnAdapters, "protocolcallsadapter",
                PublisherCallingWireFormat.class);
    }

    @Test
    void an_adapter_reading_the_configuration_breaks_only_inbound_adapters_depend_on_the_wiring() {
        assertFires(Hexagon::onlyInboundAdaptersDependOnTheWiring, "adapterreadsconfiguration",
                ConfigurationReadingConnectionRegistry.class);
    }

    @Test
    void fetching_the_component_outside_a_handlers_public_constructor_breaks_the_wiring_is_entered_only_there() {
        String handler = ComponentFetchingSendMessageHandler.class.getName();
        assertFires(Hexagon::theWiringIsEnteredOnlyWhereLambdaBuildsAHandler, "handlerlooksupcomponent",
                ComponentFetchingSendMessageHandler.class, ComponentFetchingFrameReader.class)
                .hasMessageContaining(handler + ".handleRequest(")
                .hasMessageNotContaining(handler + ".<init>()");
    }

    @Test
    void an_authorizer_reading_its_secret_breaks_inbound_adapters_never_touch_the_aws_sdk() {
        assertFires(Hexagon::inboundAdaptersNeverTouchTheAwsSdk, "authorizerreadssecret",
                SecretReadingAuthorizerHandler.class);
    }

    @Test
    void an_authorizer_reading_its_secret_breaks_only_the_wiring_builds_a_secrets_manager_client() {
        assertFires(Hexagon::onlyTheWiringBuildsASecretsManagerClient, "authorizerreadssecret",
                SecretReadingAuthorizerHandler.class);
    }

    @Test
    void a_handler_and_its_authorizer_context_using_each_other_break_packages_are_free_of_cycles() {
        assertFires(Hexagon::packagesAreFreeOfCycles, "handlerauthorizercycle",
                ConnectHandler.class, AuthorizerContext.class);
    }

    /**
     * Checks {@code rule} on the hexagon of the fixture {@code violationCase} and expects it to fail naming each of
     * {@code violators}; a rule that failed for want of classes to check would name none.
     */
    private static AbstractThrowableAssert<?, ? extends Throwable> assertFires(
            Function<Hexagon, ArchRule> rule, String violationCase, Class<?>... violators) {
        String basePackage = VIOLATIONS + "." + violationCase;
        JavaClasses fixture = new ClassFileImporter().importPackages(basePackage);
        ArchRule checked = rule.apply(Hexagon.basePackage(basePackage));
        return assertThatThrownBy(() -> checked.check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContainingAll(Arrays.stream(violators).map(Class::getName).toArray(String[]::new));
    }
}
