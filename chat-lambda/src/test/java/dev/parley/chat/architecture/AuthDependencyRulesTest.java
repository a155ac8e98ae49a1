package dev.parley.chat.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The authorizer's code: plain JDK crypto for tokens, AWS reached only through the wiring. */
@AnalyzeClasses(packages = "dev.parley.chat",
        importOptions = {ImportOption.DoNotIncludeTests.class, DependencyRulesTest.DoNotIncludeTestJars.class})
class AuthDependencyRulesTest {

    private static final String TOKENS = "dev.parley.chat.auth..";
    private static final String AUTHORIZER = "dev.parley.chat.adapter.in.lambda.authorizer";

    @ArchTest
    static final ArchRule tokens_use_only_the_jdk_the_domain_model_and_json = classes()
            .that().resideInAPackage(TOKENS)
            .should().onlyDependOnClassesThat().resideInAnyPackage(TOKENS, "java..", "javax.crypto..",
                    "dev.parley.chat.domain.model..", "com.fasterxml.jackson..")
            .because("tokens are HS256 JWTs checked with the JDK's own HMAC, not a JWT library");

    @ArchTest
    static final ArchRule the_authorizer_never_touches_the_aws_sdk = noClasses()
            .that().resideInAnyPackage(AUTHORIZER, TOKENS)
            .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
            .because("the signing secret is read by the wiring, which alone builds the Secrets Manager client");

    @ArchTest
    static final ArchRule only_the_wiring_builds_a_secrets_manager_client = noClasses()
            .that().resideOutsideOfPackage("dev.parley.chat.wiring..")
            .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk.services.secretsmanager..");
}
