package dev.parley.chat.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;

/**
 * Classes under some packages (ArchUnit package identifiers, {@code "dev.parley.chat.domain.."}), and the three things
 * a dependency rule says about them. A ring always depends on itself.
 */
final class Ring {

    private final String[] packages;

    private Ring(String... packages) {
        this.packages = packages;
    }

    static Ring of(String... packages) {
        return new Ring(packages);
    }

    String[] packages() {
        return packages.clone();
    }

    /** Nothing in this ring depends on anything but this ring and {@code others}. */
    ArchRule dependsOnlyOn(Ring... others) {
        return classes().that().resideInAnyPackage(packages)
                .should().onlyDependOnClassesThat().resideInAnyPackage(packagesOf(andThis(others)));
    }

    /** Nothing in this ring depends on anything in {@code others}. */
    ArchRule neverDependsOn(Ring... others) {
        return noClasses().that().resideInAnyPackage(packages)
                .should().dependOnClassesThat().resideInAnyPackage(packagesOf(others));
    }

    /** Nothing outside this ring and {@code others} depends on this ring. */
    ArchRule isDependedOnOnlyBy(Ring... others) {
        return noClasses().that().resideOutsideOfPackages(packagesOf(andThis(others)))
                .should().dependOnClassesThat().resideInAnyPackage(packages);
    }

    private Ring[] andThis(Ring... others) {
        Ring[] rings = Arrays.copyOf(others, others.length + 1);
        rings[others.length] = this;
        return rings;
    }

    private static String[] packagesOf(Ring... rings) {
        return Arrays.stream(rings).flatMap(each -> Arrays.stream(each.packages)).toArray(String[]::new);
    }
}
