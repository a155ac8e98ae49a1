package dev.parley.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The fat jar itself, as {@code bin/run} and the README start it: its dependencies' resources merged as they must be
 * (ElasticMQ's Pekko reads every jar's {@code reference.conf} together), which the tests on the classpath never see.
 */
class ChatLocalJarIT {

    private static final Path JAR = Path.of("target", "chat-local.jar");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final Pattern CHAT_PAGES = Pattern.compile("Chat pages\\s+(http://\\S+)");
    private static final Duration START_WITHIN = Duration.ofSeconds(90);

    @Test
    void theJarStartsEverythingAndServesTheChatPage() throws Exception {
        Process parley = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "--port", "0")
                .redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readLines(parley, lines), "chat-local-output");
        reader.setDaemon(true);
        reader.start();
        List<String> output = new ArrayList<>();
        try {
            String pages = null;
            Instant deadline = Instant.now().plus(START_WITHIN);
            while (pages == null && Instant.now().isBefore(deadline) && parley.isAlive()) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line != null) {
                    output.add(line);
                    Matcher matcher = CHAT_PAGES.matcher(line);
                    pages = matcher.find() ? matcher.group(1) : null;
                }
            }
            assertThat(pages).as("the chat pages' URL, printed once everything started; output:%n%s",
                    String.join("\n", output)).isNotNull();

            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(pages)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<html");
            lines.drainTo(output);
            assertThat(output).anySatisfy(line -> assertThat(line).contains("(embedded ElasticMQ)"));
        } finally {
            parley.destroy();
            assertThat(parley.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static void readLines(Process process, BlockingQueue<String> lines) {
        try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
