package dev.parley.deploy;

import static dev.parley.deploy.JsonTree.at;
import static dev.parley.deploy.JsonTree.list;
import static dev.parley.deploy.JsonTree.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.s3.Bucket;

/** cdk-nag's AwsSolutions pack, which the app applies on every synth. */
class AwsSolutionsNagTest {

    /** A reason says why the rule does not fit here, which takes a sentence, not a word or two. */
    private static final int MIN_REASON_WORDS = 8;

    private static final String ERROR = "aws:cdk:error";
    private static final String WARNING = "aws:cdk:warning";

    private static SynthesizedParley parley;

    /** A nag suppression recorded in the template's metadata, with the resource it is on. */
    record Suppression(String logicalId, String rule, String reason) {}

    @BeforeAll
    static void synthesize() {
        parley = SynthesizedParley.defaults();
    }

    @Test
    void givenTheAwsSolutionsPack_synth_reportsNoUnsuppressedError() {
        assertThat(parley.messages(ERROR)).isEmpty();
    }

    @Test
    void givenTheAwsSolutionsPack_synth_reportsNoUnsuppressedWarning() {
        assertThat(parley.messages(WARNING)).noneMatch(finding -> finding.contains("AwsSolutions-"));
    }

    @Test
    void givenEverySuppression_synth_recordsAReasonWhyTheRuleDoesNotFit() {
        List<Suppression> suppressions = suppressions();

        assertThat(suppressions).hasSizeGreaterThanOrEqualTo(10);
        assertThat(suppressions).allSatisfy(suppression -> {
            assertThat(suppression.rule()).as(suppression.logicalId()).matches("AwsSolutions-[A-Z]+[0-9]+");
            assertThat(suppression.reason()).as(suppression.rule() + " on " + suppression.logicalId()).isNotBlank();
            assertThat(suppression.reason().strip().split("\\s+")).as(suppression.rule() + " on " + suppression.logicalId())
                    .hasSizeGreaterThanOrEqualTo(MIN_REASON_WORDS);
        });
    }

    @Test
    void givenTheNagReport_synth_showsEveryRuleCompliantOrSuppressed() throws IOException {
        List<String> rows = Files.readAllLines(parley.outdir.resolve("AwsSolutions-Parley-NagReport.csv"));

        assertThat(rows).hasSizeGreaterThan(20);
        assertThat(rows.subList(1, rows.size())).allSatisfy(row ->
                assertThat(row.split("\",\"")[2]).as(row).isIn("Compliant", "Suppressed", "N/A"));
    }

    @Test
    void givenAnUnsuppressedFinding_synth_reportsItAsAnError() {
        Path outdir = Path.of("target", "synthesized", "nag-control").toAbsolutePath();
        App app = new App(AppProps.builder().outdir(outdir.toString()).build());
        Stack stack = new Stack(app, "Control");
        new Bucket(stack, "BucketWithoutAccessLogs");
        Aspects.of(app).add(new AwsSolutionsChecks());

        app.synth();

        assertThat(SynthesizedParley.messages(outdir, "Control", ERROR)).anyMatch(finding -> finding.contains("AwsSolutions-S1"));
    }

    private static List<Suppression> suppressions() {
        List<Suppression> suppressions = new ArrayList<>();
        map(parley.template.get("Resources")).forEach((logicalId, resource) -> {
            Object rules = at(resource, "Metadata", "cdk_nag", "rules_to_suppress");
            if (rules != null) {
                for (Object rule : list(rules)) {
                    suppressions.add(new Suppression(logicalId, (String) map(rule).get("id"), (String) map(rule).get("reason")));
                }
            }
        });
        return suppressions;
    }
}
