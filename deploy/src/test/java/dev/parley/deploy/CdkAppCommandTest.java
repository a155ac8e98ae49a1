package dev.parley.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** cdk.json: the CLI builds the artifacts with Maven, then runs this module's app from the argument file Maven writes. */
class CdkAppCommandTest {

    private static final Path ARGUMENT_FILE = Path.of("target", "cdk-app.args");

    @Test
    void givenCdkJson_synth_buildsThisModuleAndWhatItNeedsWithMavenFirst() {
        String build = (String) SynthesizedParley.cdkJson().get("build");

        assertThat(build).startsWith("mvn ").contains("-f ../pom.xml", "--projects deploy", "--also-make", " package");
    }

    @Test
    void givenCdkJson_synth_runsTheAppFromTheArgumentFile() {
        assertThat(SynthesizedParley.cdkJson().get("app")).isEqualTo("java @" + ARGUMENT_FILE.toString().replace(File.separatorChar, '/'));
    }

    @Test
    void givenTheBuiltArgumentFile_java_findsTheAppAndEveryClasspathEntry() throws IOException {
        List<String> arguments = Files.readAllLines(ARGUMENT_FILE).stream().filter(line -> !line.isBlank()).toList();

        assertThat(arguments).hasSize(3);
        assertThat(arguments.get(0)).isEqualTo("-cp");
        assertThat(arguments.get(2)).isEqualTo(ParleyApp.class.getName());
        assertThat(Arrays.stream(arguments.get(1).split(File.pathSeparator)).map(Path::of))
                .isNotEmpty()
                .allSatisfy(entry -> assertThat(entry).exists())
                .anySatisfy(entry -> assertThat(entry.toString()).contains("aws-cdk-lib"))
                .anySatisfy(entry -> assertThat(entry.toString()).contains("cdknag"));
    }

    @Test
    void givenCdkJson_context_setsOnlyFeatureFlagsSoTheSettingsKeepTheirDefaults() {
        Map<String, Object> context = SynthesizedParley.cdkJsonContext();

        assertThat(context).isNotEmpty();
        assertThat(context.keySet()).allSatisfy(key -> assertThat(key).startsWith("@aws-cdk"));
    }
}
