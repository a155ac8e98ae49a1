package dev.parley.bench.coldstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.bench.Options;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cold-start harness once: a fresh JVM per handler answers one sendMessage against chat-local and dynalite. */
class ColdStartBenchmarkSmokeTest {

    @TempDir
    Path workDir;

    @Test
    void givenThisJvmsClasspath_run_startsEachHandlerInAFreshJvmAndEveryAnswerCounts() throws Exception {
        var output = new ByteArrayOutputStream();
        var settings = ColdStartBenchmark.Settings.from(Options.parse(new String[] {"--runs", "1", "--recipients", "3",
                "--cpu", "any", "--variants", "default,prime", "--functions", "parley,floor",
                "--work-dir", workDir.toString()}, ColdStartBenchmark.OPTIONS));

        Map<String, List<ProbeRun>> results =
                ColdStartBenchmark.run(settings, new PrintStream(output, true, StandardCharsets.UTF_8));

        String printed = output.toString(StandardCharsets.UTF_8);
        assertThat(results).containsOnlyKeys("default empty", "default parley", "default floor", "prime empty",
                "prime parley", "prime floor");
        assertThat(results.values()).allSatisfy(runs -> assertThat(runs).singleElement()
                .satisfies(run -> assertThat(run.answered()).as(run.failure()).isTrue()));
        assertThat(results.get("default parley").get(0).initNanos())
                .isGreaterThan(results.get("default empty").get(0).initNanos());
        // The prime setting runs the hook Parley registered with org.crac; it fails the run when there is none.
        assertThat(results.get("prime parley").get(0).primeNanos()).isPositive();
        assertThat(results.get("default parley").get(0).primeNanos()).isZero();
        assertThat(results.get("prime floor").get(0).primeNanos()).isZero();
        assertThat(results.get("default floor").get(0).stepNanos())
                .containsOnlyKeys("dynamoDbClient", "managementClient", "getItem", "postToConnection")
                .allSatisfy((step, nanos) -> assertThat(nanos).as(step).isPositive());
        assertThat(printed).contains("RESULT cold-start variant=default function=parley")
                .contains("RESULT cold-start variant=prime function=floor")
                .contains("steps of default floor, medians (ms): dynamoDbClient ")
                .contains("every recipient got one copy per run that sends to it (2): yes");
    }

    @Test
    void givenEveryParleyFunction_run_eachAnswersItsOwnFirstEventAfterPriming() throws Exception {
        List<String> parleyFunctions = ColdStartBenchmark.FUNCTIONS.stream()
                .filter(name -> !name.startsWith("floor")).sorted().toList();
        var settings = ColdStartBenchmark.Settings.from(Options.parse(new String[] {"--runs", "1", "--recipients", "2",
                "--cpu", "any", "--variants", "prime", "--functions",
                "connect,join,leave,disconnect," + String.join(",", parleyFunctions)
                        + ",floor-dynamodb,floor-enhanced,floor-enhanced-dynamodb",
                "--work-dir", workDir.toString()}, ColdStartBenchmark.OPTIONS));

        var output = new ByteArrayOutputStream();
        Map<String, List<ProbeRun>> results = ColdStartBenchmark.run(settings,
                new PrintStream(output, true, StandardCharsets.UTF_8));

        assertThat(results.keySet()).as(output.toString(StandardCharsets.UTF_8)).containsAll(parleyFunctions.stream().map(name -> "prime " + name).toList())
                .contains("prime floor-dynamodb", "prime floor-enhanced", "prime floor-enhanced-dynamodb")
                .doesNotContain("copies");
        assertThat(results).allSatisfy((key, runs) -> assertThat(runs).singleElement()
                .satisfies(run -> assertThat(run.answered()).as(key + ": " + run.failure()).isTrue()));
        // Chat functions register the SnapStart hook; the authorizers none.
        assertThat(results.get("prime connect").get(0).primeNanos()).isPositive();
        assertThat(results.get("prime floor-dynamodb").get(0).stepNanos())
                .containsOnlyKeys("dynamoDbClient", "getItem");
        // The Enhanced Client's floors find the sender's row through their schema, and the first one posts.
        assertThat(results.get("prime floor-enhanced").get(0).stepNanos())
                .containsOnlyKeys("dynamoDbClient", "managementClient", "getItem", "postToConnection");
        assertThat(results.get("prime floor-enhanced-dynamodb").get(0).stepNanos())
                .containsOnlyKeys("dynamoDbClient", "getItem");
    }

    @Test
    void givenUnknownFunction_settings_namesTheFunctionsThereAre() {
        assertThatThrownBy(() -> ColdStartBenchmark.Settings.from(
                Options.parse(new String[] {"--functions", "parley,turbo"}, ColdStartBenchmark.OPTIONS)))
                .hasMessageStartingWith("--functions takes authorizer, broadcast, broadcast-authorizer,")
                .hasMessageEndingWith("parley, worker joined with ',' (the empty function is always measured), not 'parley,turbo'");
    }

    @Test
    void givenMissingBJar_settings_nameTheJarToBuild() throws Exception {
        Path probeJar = Files.createFile(workDir.resolve("probe.jar"));

        assertThatThrownBy(() -> ColdStartBenchmark.Settings.from(Options.parse(new String[] {"--probe-jar",
                probeJar.toString(), "--lambda-jar-b", "/nonexistent/chat-lambda.jar", "--work-dir",
                workDir.toString()}, ColdStartBenchmark.OPTIONS)))
                .hasMessageStartingWith("no jar at /nonexistent/chat-lambda.jar");
    }

    @Test
    void givenClassDataSharingWithoutJars_settings_failClearly() {
        assertThatThrownBy(() -> ColdStartBenchmark.Settings.from(
                Options.parse(new String[] {"--variants", "cds+c1"}, ColdStartBenchmark.OPTIONS)))
                .hasMessage("the cds and crtlib settings need --lambda-jar and --probe-jar");
        assertThatThrownBy(() -> JvmSetting.named("cds+turbo")).hasMessageStartingWith("unknown JVM setting 'cds+turbo'");
    }

    @Test
    void givenSettingParts_flags_namesTheArchiveTheCompilerAndTheLibraryFolder() {
        assertThat(JvmSetting.named("cds+c1+crtlib").flags(Path.of("/a/parley.jsa"), Path.of("/a/native")))
                .containsExactly("-XX:SharedArchiveFile=/a/parley.jsa", "-XX:TieredStopAtLevel=1",
                        "-Djava.library.path=/a/native");
        assertThat(JvmSetting.named("prime+c1").flags(Path.of("x.jsa"), Path.of("n")))
                .containsExactly("-XX:TieredStopAtLevel=1", JvmSetting.CRAC_COMPAT);
        assertThat(JvmSetting.named("default").flags(Path.of("x.jsa"), Path.of("n"))).isEmpty();
    }
}
