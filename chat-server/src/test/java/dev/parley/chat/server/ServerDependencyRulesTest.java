package dev.parley.chat.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** chat-server is the domain in a second transport: it reaches it through its ports and use cases only. */
@AnalyzeClasses(packages = "dev.parley.chat", importOptions = ImportOption.DoNotIncludeTests.class)
class ServerDependencyRulesTest {

    private static final String SERVER = "dev.parley.chat.server..";
    private static final String SOCKETS = "dev.parley.chat.adapter.in.socket..";
    /** The one package of chat-server that knows DynamoDB: its adapters module and graph. */
    private static final String SERVER_DYNAMODB = "dev.parley.chat.server.dynamodb..";
    private static final String[] AWS = {"software.amazon..", "com.amazonaws..", "dev.parley.chat.adapter.out.dynamodb.."};

    @ArchTest
    static final ArchRule never_the_lambda_handlers_their_wiring_or_the_functions_aws_side = noClasses()
            .that().resideInAnyPackage(SERVER, SOCKETS)
            .should().dependOnClassesThat().resideInAnyPackage("dev.parley.chat.adapter.in.lambda..",
                    "dev.parley.chat.wiring", "dev.parley.chat.settings.aws..", "dev.parley.chat.adapter.out.apigateway..",
                    "dev.parley.chat.adapter.out.sqs..")
            .because("chat-server drives the use cases itself and publishes to its own sockets");

    @ArchTest
    static final ArchRule aws_only_in_the_dynamodb_option = noClasses()
            .that().resideInAnyPackage(SERVER, SOCKETS)
            .and().resideOutsideOfPackage(SERVER_DYNAMODB)
            .should().dependOnClassesThat().resideInAnyPackage(AWS)
            .because("chat-server runs without AWS; only --dynamodb-endpoint / --table bring DynamoDB's adapters in, "
                    + "and the sockets are the same wherever the state is");

    @ArchTest
    static final ArchRule the_socket_adapter_sees_use_cases_not_services_or_outbound_adapters = noClasses()
            .that().resideInAPackage(SOCKETS)
            .should().dependOnClassesThat().resideInAnyPackage("dev.parley.chat.domain.service..",
                    "dev.parley.chat.domain.port.out..", "dev.parley.chat.adapter.out..", SERVER)
            .because("an inbound adapter calls use cases; only the composition root knows the services and adapters");

    @ArchTest
    static final ArchRule the_domain_depends_on_nothing_but_the_jdk = noClasses()
            .that().resideInAPackage("dev.parley.chat.domain..")
            .should().dependOnClassesThat().resideOutsideOfPackages("dev.parley.chat.domain..", "java..")
            .because("the domain is plain Java, whatever transport runs it");
}
