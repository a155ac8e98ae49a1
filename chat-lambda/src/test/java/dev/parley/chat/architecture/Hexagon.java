package dev.parley.chat.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Parley's rings under one base package, and what each may depend on. The base package is the real code's,
 * {@code dev.parley.chat}, or a fixture's laid out the same way: that is how each rule is shown to fire. The rules
 * inside the domain are chat-domain's own ({@code HexagonRules}); these say how the other rings meet it and each other.
 * <pre>
 *   domain.model, domain.port.in, domain.port.out, domain.service   the domain: plain Java
 *   protocol                                                         the JSON wire format, shared by the adapters
 *   auth                                                             tokens: HS256 with the JDK's crypto
 *   adapter.in.X, adapter.out.X                                      one package tree per adapter
 *   wiring                                                           the composition root (Dagger)
 *   settings                                                         every setting's one owner, read by the wiring
 * </pre>
 */
final class Hexagon {

    private static final Ring JDK = Ring.of("java..");
    private static final Ring JDK_CRYPTO = Ring.of("javax.crypto..");
    private static final Ring JSON = Ring.of("com.fasterxml.jackson..");
    private static final Ring AWS_SDK = Ring.of("software.amazon.awssdk..");
    private static final Ring SECRETS_MANAGER = Ring.of("software.amazon.awssdk.services.secretsmanager..");

    private static final DescribedPredicate<JavaCodeUnit> STATIC_OR_CONSTRUCTOR = DescribedPredicate.describe(
            "are static or constructors",
            unit -> unit.isConstructor() || unit.getModifiers().contains(JavaModifier.STATIC));

    private static final DescribedPredicate<JavaCodeUnit> LAMBDA_ENTRY_POINT = DescribedPredicate.describe(
            "are the public no-arg constructor of a Lambda handler",
            unit -> unit.isConstructor() && unit.getModifiers().contains(JavaModifier.PUBLIC)
                    && unit.getRawParameterTypes().isEmpty() && unit.getOwner().isAssignableTo(RequestHandler.class));

    private final String basePackage;
    private final Ring domain;
    private final Ring model;
    private final Ring outputPorts;
    private final Ring services;
    private final Ring protocol;
    private final Ring tokens;
    private final Ring adapters;
    private final Ring inboundAdapters;
    private final Ring wiring;
    private final Ring settings;

    private Hexagon(String basePackage) {
        this.basePackage = basePackage;
        domain = ring("domain");
        model = ring("domain.model");
        outputPorts = ring("domain.port.out");
        services = ring("domain.service");
        protocol = ring("protocol");
        tokens = ring("auth");
        adapters = ring("adapter");
        inboundAdapters = ring("adapter.in");
        wiring = ring("wiring");
        settings = ring("settings");
    }

    /** The rings of the code under {@code basePackage}. */
    static Hexagon basePackage(String basePackage) {
        return new Hexagon(basePackage);
    }

    private Ring ring(String subpackage) {
        return Ring.of(basePackage + "." + subpackage + "..");
    }

    ArchRule adaptersDoNotDependOnEachOther() {
        return slices().matching(basePackage + ".adapter.(*).(*)..").namingSlices("adapter.$1.$2")
                .should().notDependOnEachOther()
                .because("adapters meet only through the domain's ports, and the wiring alone connects them");
    }

    ArchRule inboundAdaptersNeverDependOnOutputPortsOrServices() {
        return inboundAdapters.neverDependsOn(outputPorts, services)
                .because("a handler drives a use case; what the use case drives, and how, is the domain's business");
    }

    ArchRule protocolDependsOnlyOnTheDomainAndJson() {
        return protocol.dependsOnlyOn(domain, JDK, JSON)
                .because("inbound and outbound adapters share the wire format, so it must not pull in adapters,"
                        + " the wiring or tokens");
    }

    ArchRule tokensDependOnlyOnTheJdkTheModelAndJson() {
        return tokens.dependsOnlyOn(model, JDK, JDK_CRYPTO, JSON)
                .because("tokens are HS256 JWTs checked with the JDK's own HMAC, not a JWT library");
    }

    ArchRule onlyTheWiringDependsOnServices() {
        return services.isDependedOnOnlyBy(wiring)
                .because("the wiring is the composition root: everyone else sees a use case,"
                        + " not the service behind it");
    }

    ArchRule onlyTheWiringDependsOnAdapters() {
        return adapters.isDependedOnOnlyBy(wiring, settings)
                .because("the wiring is the composition root: the domain and the shared modules see ports,"
                        + " not adapters; the settings the wiring reads check an adapter's values with the"
                        + " adapter's own rules, so that each range has one owner");
    }

    ArchRule onlyInboundAdaptersDependOnTheWiring() {
        return wiring.isDependedOnOnlyBy(inboundAdapters)
                .because("Lambda builds a handler from its class name, so a handler must fetch its component;"
                        + " everything else is handed what it needs");
    }

    /**
     * The wiring's static methods and constructors make or fetch its objects; outside the wiring, only the constructor
     * Lambda calls may do so. Every other constructor of a handler takes its component, which is how tests hand it
     * a fake one.
     */
    ArchRule theWiringIsEnteredOnlyWhereLambdaBuildsAHandler() {
        return codeUnits().that().areDeclaredInClassesThat().resideInAnyPackage(wiring.packages())
                .and(STATIC_OR_CONSTRUCTOR)
                .should().onlyBeCalled().byCodeUnitsThat(areDeclaredIn(wiring).or(LAMBDA_ENTRY_POINT))
                .because("a handler that looked its component up anywhere else could not be tested with a fake one");
    }

    ArchRule inboundAdaptersNeverTouchTheAwsSdk() {
        return inboundAdapters.neverDependsOn(AWS_SDK)
                .because("handlers reach AWS through the domain's ports, and the authorizer gets its secret"
                        + " from the wiring");
    }

    ArchRule onlyTheWiringBuildsASecretsManagerClient() {
        return SECRETS_MANAGER.isDependedOnOnlyBy(wiring)
                .because("the authorizer's component reads the signing secret once, at init; nothing else needs it");
    }

    ArchRule packagesAreFreeOfCycles() {
        return slices().matching(basePackage + ".(**)").should().beFreeOfCycles();
    }

    private static DescribedPredicate<JavaCodeUnit> areDeclaredIn(Ring ring) {
        DescribedPredicate<JavaClass> inRing = JavaClass.Predicates.resideInAnyPackage(ring.packages());
        return DescribedPredicate.describe("are declared in classes that " + inRing.getDescription(),
                unit -> inRing.test(unit.getOwner()));
    }
}
