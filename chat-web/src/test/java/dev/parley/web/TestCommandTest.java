package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's test command ({@code bin/test}) on a machine that lacks what the browser tests need: it stops at once,
 * before any build, with one line saying what to install. Its PATH holds only the tools named here.
 */
class TestCommandTest {

    private static final Path TEST_COMMAND = Path.of("..", "bin", "test").toAbsolutePath().normalize();
    private static final long QUICK_SECONDS = 15;

    @Test
    void givenNoChromedriverOnThePath_testCommand_namesWhatToInstallInOneLineAndStops(@TempDir Path bin)
            throws Exception {
        linkFromPath(bin, "bash", "java", "mvn", "node", "npm", "chromium");

        Result result = run(bin);

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).isEqualTo("test: chromedriver not on the PATH (the browser tests need Chromium and"
                + " its matching ChromeDriver): install them (Debian: sudo apt-get install chromium chromium-driver)"
                + " or run this as root on Debian\n");
    }

    @Test
    void givenNoJavaOnThePath_testCommand_namesWhatToInstallInOneLineAndStops(@TempDir Path bin) throws Exception {
        linkFromPath(bin, "bash");

        Result result = run(bin);

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr()).isEqualTo(
                "test: java not found: install Java 17 or later (Debian: apt-get install openjdk-17-jdk-headless)\n");
    }

    private record Result(int exitCode, String stdout, String stderr) {}

    private static Result run(Path bin) throws IOException, InterruptedException {
        var command = new ProcessBuilder(TEST_COMMAND.toString());
        command.environment().put("PATH", bin.toString());
        Process test = command.start();
        test.getOutputStream().close();
        boolean ended = test.waitFor(QUICK_SECONDS, TimeUnit.SECONDS);
        if (!ended) {
            test.destroyForcibly();
        }
        assertThat(ended).as("%s ended within %d s", TEST_COMMAND, QUICK_SECONDS).isTrue();
        return new Result(test.exitValue(), new String(test.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(test.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** Links each tool found on this JVM's PATH into {@code bin}; the test needs bash at least. */
    private static void linkFromPath(Path bin, String... tools) throws IOException {
        List<Path> path = Arrays.stream(System.getenv("PATH").split(File.pathSeparator)).map(Path::of).toList();
        for (String tool : tools) {
            Optional<Path> found = path.stream().map(folder -> folder.resolve(tool)).filter(Files::isExecutable).findFirst();
            if (tool.equals("bash")) {
                assertThat(found).as("bash on the PATH").isPresent();
            }
            if (found.isPresent()) {
                Files.createSymbolicLink(bin.resolve(tool), found.get().toRealPath());
            }
        }
    }
}
