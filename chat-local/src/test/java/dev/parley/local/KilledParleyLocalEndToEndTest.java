package dev.parley.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * chat-local as people run it, a process of its own with {@code --data-dir}, ended the hard way: {@code kill -9}, as
 * the OOM killer or a crash would end it. Nothing it started may outlive it, and the next start on the same data dir
 * must work and find the data.
 */
class KilledParleyLocalEndToEndTest {

    private static final Pattern DYNAMODB_ENDPOINT = Pattern.compile("^\\s+DynamoDB\\s+(http://\\S+) ");
    private static final Map<String, AttributeValue> KEPT_ROW = Map.of(
            "connectionId", AttributeValue.fromS("kept-across-kill"), "DisplayName", AttributeValue.fromS("Kept"));

    @Test
    void givenChatLocalOnADataDir_sigkill_leavesNoChildAndARestartKeepsTheData(@TempDir Path folder) throws Exception {
        Path dataDir = folder.resolve("data");
        Process first = startChatLocal(dataDir);
        try {
            URI endpoint = awaitDynamoDbEndpoint(first);
            try (DynamoDbClient dynamoDb = LocalDynamoDb.clientFor(endpoint)) {
                dynamoDb.putItem(request -> request.tableName("chatDetails").item(KEPT_ROW));
            }
            // Taken before the kill: once chat-local is gone, its orphans are no longer its descendants.
            List<ProcessHandle> children = first.descendants().toList();
            assertThat(children).extracting(child -> child.info().commandLine().orElse(""))
                    .anySatisfy(command -> assertThat(command).contains("node", "dynalite/cli.js"));

            first.destroyForcibly(); // SIGKILL: no shutdown hook runs

            assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
            for (ProcessHandle child : children) {
                assertThat(child.onExit().completeOnTimeout(child, 10, TimeUnit.SECONDS).get().isAlive())
                        .as("chat-local's child %d (%s) outlives it", child.pid(), child.info().commandLine())
                        .isFalse();
            }
        } finally {
            first.destroyForcibly();
        }

        Process second = startChatLocal(dataDir);
        try {
            URI endpoint = awaitDynamoDbEndpoint(second);
            try (DynamoDbClient dynamoDb = LocalDynamoDb.clientFor(endpoint)) {
                assertThat(new ChatRows(dynamoDb, "chatDetails").row("kept-across-kill")).isEqualTo(KEPT_ROW);
            }
        } finally {
            second.destroy();
            assertThat(second.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void givenADataDirInUse_start_namesTheHolderInOneLineAndExits1(@TempDir Path folder) throws Exception {
        Path dataDir = folder.resolve("data");
        Process holder = startChatLocal(dataDir);
        try {
            awaitDynamoDbEndpoint(holder);
            long dynalitePid = holder.children().findFirst().orElseThrow().pid();

            Process second = new ProcessBuilder(command(dataDir)).redirectErrorStream(true).start();
            String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(second.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).isEqualTo(1);
            assertThat(output.lines()).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .startsWith("parley-local could not start: dynalite's data dir " + dataDir.toAbsolutePath()
                            + " is in use by process " + dynalitePid + " (")
                    .contains("node -e <parent guard> ", "dynalite/cli.js", "--path " + dataDir)
                    .endsWith("): stop it (kill " + dynalitePid + ") or use another data dir");
        } finally {
            holder.destroy();
            assertThat(holder.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static Process startChatLocal(Path dataDir) throws IOException {
        return new ProcessBuilder(command(dataDir)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** {@code java -jar chat-local.jar --port 0 --data-dir DIR}, from the test classpath (the jar is built later). */
    private static List<String> command(Path dataDir) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ParleyLocal.class.getName(),
                "--port", "0", "--data-dir", dataDir.toString()));
        return command;
    }

    /** Reads chat-local's banner up to the DynamoDB line; the rest of its output is never read, so it stays small. */
    private static URI awaitDynamoDbEndpoint(Process chatLocal) throws IOException {
        var out = new BufferedReader(new InputStreamReader(chatLocal.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            seen.add(line);
            Matcher endpoint = DYNAMODB_ENDPOINT.matcher(line);
            if (endpoint.find()) {
                return URI.create(endpoint.group(1));
            }
        }
        throw new AssertionError("chat-local ended before naming its DynamoDB endpoint; it printed " + seen);
    }
}
