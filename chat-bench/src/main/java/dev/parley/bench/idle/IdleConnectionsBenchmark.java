package dev.parley.bench.idle;

import dev.parley.bench.Options;
import dev.parley.bench.ProcessReadings;
import dev.parley.bench.load.Machine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Idle connections: how many WebSocket connections one chat-server holds in a heap of a given size. For each N of
 * {@code --connections}, starts chat-server as a process of its own ({@code java -Xmx512m -jar chat-server.jar}),
 * opens N connections from one or two client JVMs ({@link IdleClients}) and leaves them idle, then checks that the
 * server counts every one open ({@code /health}), that a message sent through one reaches every other (they are
 * alive, not just counted), that it still answers quickly, logged no error and threw no {@code OutOfMemoryError};
 * and reads its heap after a full collection (jcmd), resident memory and descriptors. The heap a connection costs is
 * the growth over the heap the same server used before any client came, divided by N. Exits 1 when a check fails,
 * 2 for a bad option.
 */
public final class IdleConnectionsBenchmark {

    static final Set<String> OPTIONS = Set.of("connections", "heap-mb", "server-jar", "per-client-jvm",
            "client-heap-mb", "handshakes-at-once", "patience-s");

    private IdleConnectionsBenchmark() {}

    /** The settings of a run; {@code serverJar} null runs chat-server's main from this JVM's classpath. */
    record Settings(List<Integer> connections, int heapMb, Path serverJar, int perClientJvm, int clientHeapMb,
            int handshakesAtOnce, Duration patience) {

        Settings {
            connections = List.copyOf(connections);
        }

        static Settings from(Options options) {
            List<Integer> levels;
            String text = options.text("connections", "5000,10000,19500");
            try {
                levels = Arrays.stream(text.split(",")).map(String::strip).map(level -> Integer.parseInt(
                        level.replace("_", ""))).toList();
            } catch (NumberFormatException notNumbers) {
                throw new IllegalArgumentException("--connections must be whole numbers separated by commas, not '"
                        + text + "'");
            }
            if (levels.stream().anyMatch(level -> level < 2)) {
                throw new IllegalArgumentException("--connections must each be at least 2 (one sends, the others"
                        + " receive), not '" + text + "'");
            }
            String jar = options.text("server-jar", "");
            return new Settings(levels, options.integer("heap-mb", 512, 16), jar.isEmpty() ? null : Path.of(jar),
                    options.integer("per-client-jvm", 10_000, 1), options.integer("client-heap-mb", 1024, 64),
                    options.integer("handshakes-at-once", 32, 1),
                    Duration.ofSeconds(options.integer("patience-s", 300, 1)));
        }
    }

    public static void main(String[] args) {
        Settings settings;
        try {
            settings = Settings.from(Options.parse(args, OPTIONS));
            if (settings.serverJar() != null && !Files.isRegularFile(settings.serverJar())) {
                throw new IllegalArgumentException("--server-jar " + settings.serverJar() + " is not a file: build it"
                        + " first (mvn -B -o package -pl chat-server -am)");
            }
        } catch (IllegalArgumentException wrong) {
            System.err.println("idle-connections benchmark: " + wrong.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(settings, System.out).stream().allMatch(IdleLevel::passed) ? 0 : 1);
    }

    /** Measures each level in turn with a fresh server, printing each as it is done, then the summary. */
    static List<IdleLevel> run(Settings settings, PrintStream out) {
        out.printf("idle connections: chat-server as its own process with -Xmx%dm (%s), N idle WebSocket connections"
                        + " from client JVMs of up to %,d connections each, for N = %s%n", settings.heapMb(),
                settings.serverJar() == null ? "its main class from this classpath" : settings.serverJar(),
                settings.perClientJvm(), settings.connections());
        out.println("machine: " + Machine.describe());
        List<IdleLevel> levels = new ArrayList<>();
        for (int connections : settings.connections()) {
            IdleLevel level = measure(settings, connections);
            level.print(out);
            levels.add(level);
        }
        IdleLevel.summarize(levels, settings.heapMb(), out);
        out.println("machine after: " + Machine.describe());
        return levels;
    }

    private static IdleLevel measure(Settings settings, int connections) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> problems = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(java, settings.heapMb(), settings.serverJar())) {
            long baselineKb = server.heapUsedAfterFullGcKb();
            long baselineDescriptors = server.openDescriptors();
            long descriptorLimit = ProcessReadings.descriptorLimit(server.pid());
            int jvms = (connections + settings.perClientJvm() - 1) / settings.perClientJvm();
            List<ClientProcess> clients = new ArrayList<>();
            try {
                for (int index = 0; index < jvms; index++) {
                    int share = connections / jvms + (index < connections % jvms ? 1 : 0);
                    clients.add(ClientProcess.start(java, settings.clientHeapMb(), server.chat(), share,
                            settings.handshakesAtOnce(), settings.patience()));
                }
                double connectSeconds = 0;
                for (ClientProcess client : clients) {
                    connectSeconds = Math.max(connectSeconds, client.connected());
                }
                ServerProcess.Health health = server.health();
                if (health.connections() != connections) {
                    problems.add("/health counts " + health.connections() + " connections, not " + connections);
                }
                long heapKb = server.heapUsedAfterFullGcKb();
                long rssKb = server.rssKb();
                long descriptors = server.openDescriptors();
                String probe = "idle-probe-" + connections;
                String[] ack = clients.get(0).send(probe);
                clients.forEach(client -> client.awaitAsync(probe, settings.patience()));
                long reached = 0;
                double reachedMillis = 0;
                for (ClientProcess client : clients) {
                    String[] received = client.received();
                    reached += Long.parseLong(received[1]);
                    reachedMillis = Math.max(reachedMillis, Double.parseDouble(received[2]));
                }
                int recipients = Integer.parseInt(ack[1]);
                if (recipients != connections - 1 || reached != connections - 1) {
                    problems.add("the probe message was acknowledged with " + recipients + " recipients and reached "
                            + reached + " connections, not " + (connections - 1));
                }
                ServerProcess.Health after = server.health();
                if (server.outOfMemoryErrors() > 0 || !server.alive() || server.errorLines() > 0) {
                    problems.add("chat-server: " + server.outOfMemoryErrors() + " OutOfMemoryError, "
                            + server.errorLines() + " error lines, " + (server.alive() ? "alive" : "DEAD") + "; "
                            + server.problems());
                }
                return new IdleLevel(connections, jvms, connectSeconds, health.connections(), baselineKb, heapKb,
                        rssKb, baselineDescriptors, descriptors, descriptorLimit, health.millis(), after.millis(),
                        Double.parseDouble(ack[2]), reached, server.outOfMemoryErrors(), problems);
            } finally {
                clients.forEach(ClientProcess::close);
            }
        } catch (IOException | RuntimeException failure) {
            problems.add("the level of " + connections + " connections failed: " + failure.getMessage());
            return IdleLevel.failed(connections, problems);
        }
    }
}
