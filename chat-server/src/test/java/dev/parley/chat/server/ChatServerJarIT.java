package dev.parley.chat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The fat jar itself: {@code java -jar chat-server/target/chat-server.jar}. */
class ChatServerJarIT {

    private static final Path JAR = Path.of("target", "chat-server.jar");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @Test
    void helpPrintsTheUsageAndExits0() throws Exception {
        Process help = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "--help").redirectErrorStream(true).start();

        String output = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(help.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(help.exitValue()).isZero();
        assertThat(output).startsWith("Usage: java -jar chat-server.jar");
    }

    @Test
    void aWrongOptionExits2NamingIt() throws Exception {
        Process wrong = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "--port", "eighty").start();

        String errors = new String(wrong.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(wrong.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(wrong.exitValue()).isEqualTo(2);
        assertThat(errors).contains("--port must be a whole number, not 'eighty'");
    }

    @Test
    void aSettingOutOfItsRangeExits2WithOneLineNamingItsFlagAndRange() throws Exception {
        Process wrong = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "--max-rooms-per-connection", "0").start();

        String errors = new String(wrong.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(wrong.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(wrong.exitValue()).isEqualTo(2);
        assertThat(errors).isEqualTo("chat-server: --max-rooms-per-connection must be a whole number from 1 to 1000, "
                + "not '0'" + System.lineSeparator());
    }

    @Test
    void theJarServesHealthAndStopsCleanlyOnSigterm() throws Exception {
        Process server = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "--port", "0").start();
        try {
            var lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            Map<String, Object> started = JSON.std.mapFrom(lines.readLine());
            assertThat(started).containsEntry("event", "started");

            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + started.get("port") + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);

            // SIGTERM, leaving the output to read to its end (Process.destroy would close it)
            server.toHandle().destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            List<String> rest = new ArrayList<>(lines.lines().toList());
            assertThat(rest).last().asString().contains("\"event\":\"stopped\"");
        } finally {
            server.destroyForcibly();
        }
    }
}
