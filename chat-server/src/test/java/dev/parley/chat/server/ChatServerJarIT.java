package dev.parley.chat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
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
    void aDynamoDbEndpointWhereNothingListens_stopsTheStartWithOneLineAndExit1() throws Exception {
        int closedPort;
        try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        String endpoint = "http://127.0.0.1:" + closedPort;
        Process server = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "--port", "0", "--dynamodb-endpoint", endpoint)
                .start();

        String errors = new String(server.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).isEqualTo(1);
        assertThat(errors.lines().toList()).singleElement().asString()
                .startsWith("chat-server could not start: DynamoDB at " + endpoint + " (table chatDetails): ");
    }

    /** One light HTTP client for DynamoDB: neither Apache's nor Netty's nor the CRT's is packed. */
    @Test
    void theJarHoldsTheUrlConnectionHttpClientOnly() throws Exception {
        try (var jar = new JarFile(JAR.toFile())) {
            List<String> entries = jar.stream().map(JarEntry::getName).toList();

            assertThat(entries).contains("software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class",
                    "dev/parley/chat/server/dynamodb/DynamoDbServer.class");
            assertThat(entries).noneMatch(entry -> entry.startsWith("org/apache/http/")
                    || entry.startsWith("org/apache/hc/") || entry.startsWith("io/netty/")
                    || entry.startsWith("software/amazon/awssdk/http/apache") || entry.startsWith("software/amazon/awssdk/http/nio/")
                    || entry.startsWith("software/amazon/awssdk/crt/") || entry.startsWith("software/amazon/awssdk/http/crt/"));
        }
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
