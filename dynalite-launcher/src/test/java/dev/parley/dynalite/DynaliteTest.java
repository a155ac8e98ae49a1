package dev.parley.dynalite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DynaliteTest {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    private static final String CREATE_TABLE = """
            {"TableName": "%s",
             "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
             "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
             "BillingMode": "PAY_PER_REQUEST"}""";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void givenInMemoryOptions_start_answersListTablesUntilClosed() throws Exception {
        Dynalite dynalite = Dynalite.start(DynaliteOptions.inMemory());
        int port = dynalite.endpoint().getPort();

        HttpResponse<String> answer = call(dynalite, "ListTables", "{}");
        dynalite.close();

        assertThat(dynalite.endpoint().getHost()).isEqualTo("127.0.0.1");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"TableNames\":[]}");
        assertThat(ProcessHandle.of(dynalite.pid()).filter(ProcessHandle::isAlive)).isEmpty();
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            }
        }).isInstanceOf(ConnectException.class);
    }

    @Test
    void givenDataDir_restart_keepsTheTablesCreatedBefore(@TempDir Path dataDir) throws Exception {
        try (Dynalite first = Dynalite.start(DynaliteOptions.persistentIn(dataDir.resolve("db")))) {
            assertThat(call(first, "CreateTable", CREATE_TABLE.formatted("kept")).statusCode()).isEqualTo(200);
        }

        try (Dynalite second = Dynalite.start(DynaliteOptions.persistentIn(dataDir.resolve("db")))) {
            assertThat(call(second, "ListTables", "{}").body()).isEqualTo("{\"TableNames\":[\"kept\"]}");
        }
    }

    @Test
    void givenInMemoryOptions_restart_startsEmpty() throws Exception {
        try (Dynalite first = Dynalite.start(DynaliteOptions.inMemory())) {
            assertThat(call(first, "CreateTable", CREATE_TABLE.formatted("forgotten")).statusCode()).isEqualTo(200);
        }

        try (Dynalite second = Dynalite.start(DynaliteOptions.inMemory())) {
            assertThat(call(second, "ListTables", "{}").body()).isEqualTo("{\"TableNames\":[]}");
        }
    }

    @Test
    void givenTakenPort_start_failsWithDynalitesStderr() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));

            assertThatThrownBy(() -> Dynalite.start(DynaliteOptions.inMemory().withPort(taken.getLocalPort())))
                    .isInstanceOf(DynaliteStartException.class)
                    .hasMessageContaining("exited with status")
                    .hasMessageContaining("EADDRINUSE");
        }
    }

    @Test
    void givenProjectRootWithoutNodeModules_start_saysToRunNpmCi(@TempDir Path emptyRoot) {
        assertThatThrownBy(() -> Dynalite.start(DynaliteOptions.inMemory().withProjectRoot(emptyRoot)))
                .isInstanceOf(DynaliteStartException.class)
                .hasMessageContaining("npm ci")
                .hasMessageContaining(emptyRoot.toString());
    }

    @Test
    void givenClosedDynalite_closeAgain_returnsQuietly() {
        Dynalite dynalite = Dynalite.start(DynaliteOptions.inMemory());
        dynalite.close();

        dynalite.close();

        assertThat(ProcessHandle.of(dynalite.pid()).filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void givenJvmRunningDynalite_sigterm_leavesNoOrphan() throws Exception {
        assertNoOrphanAfter(Process::destroy); // SIGTERM, as a service manager or `kill` sends: the shutdown hook runs
    }

    @Test
    void givenJvmRunningDynalite_sigkill_leavesNoOrphan() throws Exception {
        assertNoOrphanAfter(Process::destroyForcibly); // SIGKILL, as `kill -9` or the OOM killer: no hook runs
    }

    @Test
    void givenDataDirInUse_start_namesTheHoldingProcessInOneLine(@TempDir Path dataDir) {
        Path db = dataDir.resolve("db");
        try (Dynalite holder = Dynalite.start(DynaliteOptions.persistentIn(db))) {

            assertThatThrownBy(() -> Dynalite.start(DynaliteOptions.persistentIn(db)))
                    .isInstanceOf(DynaliteStartException.class)
                    .hasMessage("dynalite's data dir " + db.toAbsolutePath() + " is in use by process " + holder.pid()
                            + " (" + commandOf(holder.pid()) + "): stop it (kill " + holder.pid()
                            + ") or use another data dir");
        }
    }

    private static String commandOf(long pid) {
        return ProcessHandle.of(pid).flatMap(handle -> handle.info().commandLine()).orElseThrow()
                .replace(Dynalite.PARENT_GUARD, "<parent guard>");
    }

    /** Starts a JVM holding dynalite, ends it with {@code kill}, and checks that dynalite and its children went too. */
    private static void assertNoOrphanAfter(java.util.function.Consumer<Process> kill) throws Exception {
        String classpath = codeSource(Dynalite.class) + java.io.File.pathSeparator + codeSource(DynaliteHoldingMain.class);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process jvm = new ProcessBuilder(java, "-cp", classpath, DynaliteHoldingMain.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            long dynalitePid = readPid(jvm);
            // Taken before the kill: once the JVM is gone, its orphans are no longer its descendants.
            List<ProcessHandle> family = jvm.descendants().toList();
            assertThat(family).extracting(ProcessHandle::pid).contains(dynalitePid);

            kill.accept(jvm);

            assertThat(jvm.waitFor(20, TimeUnit.SECONDS)).isTrue();
            for (ProcessHandle member : family) {
                assertThat(member.onExit().completeOnTimeout(member, 10, TimeUnit.SECONDS).get().isAlive())
                        .as("process %d (%s) outlives the JVM", member.pid(), member.info().commandLine())
                        .isFalse();
            }
        } finally {
            jvm.destroyForcibly();
        }
    }

    private HttpResponse<String> call(Dynalite dynalite, String operation, String body) throws Exception {
        return http.send(DynamoDbJsonRequest.of(dynalite.endpoint(), operation, body, CALL_TIMEOUT),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long readPid(Process jvm) throws IOException {
        var reader = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
        String line = Optional.ofNullable(reader.readLine())
                .orElseThrow(() -> new AssertionError("the JVM holding dynalite ended before printing its pid"));
        return Long.parseLong(line.strip());
    }

    private static String codeSource(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
