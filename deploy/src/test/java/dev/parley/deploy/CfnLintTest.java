package dev.parley.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The synthesized template checked by AWS's CloudFormation linter. Only when {@code cfn-lint} is on the PATH (pip
 * install cfn-lint): otherwise this one check is skipped, and says so.
 */
class CfnLintTest {

    /**
     * W3005 (a DependsOn already implied by a GetAtt): CDK makes each function depend on its role both ways, which
     * is redundant and harmless.
     */
    private static final String IGNORED_CHECKS = "W3005";

    private static Path template;

    @BeforeAll
    static void writeTemplate() throws IOException {
        SynthesizedParley parley = SynthesizedParley.defaults();
        template = Path.of("target", "cfn-lint", "Parley.template.json");
        Files.createDirectories(template.getParent());
        Files.writeString(template, JSON.std.asString(parley.template), StandardCharsets.UTF_8);
    }

    @Test
    void givenTheSynthesizedTemplate_cfnLint_findsNothing() throws IOException, InterruptedException {
        assumeTrue(onPath("cfn-lint"), "cfn-lint is not on the PATH: the template is not linted (pip install cfn-lint)");

        Process lint = new ProcessBuilder("cfn-lint", "--ignore-checks", IGNORED_CHECKS, "--", template.toString())
                .redirectErrorStream(true)
                .start();
        String report = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(2, TimeUnit.MINUTES)).as("cfn-lint finished").isTrue();

        assertThat(lint.exitValue()).as("cfn-lint's findings:%n%s", report).isZero();
    }

    private static boolean onPath(String command) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(directory -> Path.of(directory, command))
                .anyMatch(Files::isExecutable);
    }
}
