package dev.parley.bench.idle;

import dev.parley.bench.ProcessReadings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * chat-server as a process of its own ({@code java -Xmx<heap> -jar chat-server.jar --port 0}, or its main class from
 * this JVM's classpath), its log read as it comes: the port it took, error lines, any {@code OutOfMemoryError}.
 * Reads its heap after a full collection with {@code jcmd}, its resident memory and descriptors from {@code /proc}.
 */
final class ServerProcess implements AutoCloseable {

    private static final Pattern PORT = Pattern.compile("\"event\":\"started\".*\"port\":(\\d+)");
    /** G1's line of {@code jcmd GC.heap_info}: {@code garbage-first heap   total 524288K, used 12345K [...}. */
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K");
    private static final Duration START_PATIENCE = Duration.ofSeconds(60);
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(30);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);
    private static final int EXAMPLES = 3;

    private final Process process;
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final AtomicLong errorLines = new AtomicLong();
    private final AtomicLong outOfMemory = new AtomicLong();
    private final List<String> examples = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();

    private ServerProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readLog, "chat-server-log");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts chat-server with {@code heapMb} of heap at most, from {@code jar}, or from the classpath without it. */
    static ServerProcess start(Path java, int heapMb, Path jar) throws IOException {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx" + heapMb + "m"));
        if (jar == null) {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.parley.chat.server.ChatServer"));
        } else {
            command.addAll(List.of("-jar", jar.toString()));
        }
        command.addAll(List.of("--host", "127.0.0.1", "--port", "0"));
        var server = new ServerProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
        try {
            server.port.get(START_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception notStarted) {
            server.close();
            throw new IllegalStateException("chat-server did not log its port within " + START_PATIENCE + ": "
                    + server.problems(), notStarted);
        }
        return server;
    }

    private void readLog() {
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                Matcher started = PORT.matcher(line);
                if (started.find()) {
                    port.complete(Integer.parseInt(started.group(1)));
                }
                boolean error = line.contains("\"level\":\"ERROR\"");
                boolean oom = line.contains("OutOfMemoryError");
                if (error) {
                    errorLines.incrementAndGet();
                }
                if (oom) {
                    outOfMemory.incrementAndGet();
                }
                if ((error || oom || line.startsWith("chat-server")) && examples.size() < EXAMPLES) {
                    synchronized (examples) {
                        examples.add(line);
                    }
                }
            }
        } catch (IOException ended) {
            // The process is gone; what it said is counted.
        }
    }

    long pid() {
        return process.pid();
    }

    URI chat() {
        return URI.create("ws://127.0.0.1:" + port.join() + "/chat");
    }

    /** {@code GET /health}: its body, and how long it took. */
    Health health() {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.join() + "/health"))
                .timeout(HTTP_TIMEOUT).build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher connections = Pattern.compile("\"connections\":(\\d+)").matcher(response.body());
            return new Health(response.statusCode() == 200 && connections.find()
                    ? Integer.parseInt(connections.group(1)) : -1, (System.nanoTime() - start) / 1e6);
        } catch (IOException failure) {
            throw new IllegalStateException("/health failed: " + failure, failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking /health", e);
        }
    }

    /** What {@code /health} counted, -1 for an answer without a count, and the round trip in milliseconds. */
    record Health(int connections, double millis) {}

    /** The heap in use after a full collection ({@code jcmd GC.run}, then {@code GC.heap_info}), in KiB. */
    long heapUsedAfterFullGcKb() {
        jcmd("GC.run");
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("jcmd GC.heap_info gave no G1 heap line");
        }
        return Long.parseLong(used.group(2));
    }

    long rssKb() {
        return ProcessReadings.rssKb(pid());
    }

    long openDescriptors() {
        return ProcessReadings.openDescriptors(pid());
    }

    boolean alive() {
        return process.isAlive();
    }

    long errorLines() {
        return errorLines.get();
    }

    long outOfMemoryErrors() {
        return outOfMemory.get();
    }

    String problems() {
        synchronized (examples) {
            return examples.isEmpty() ? "nothing logged amiss" : String.join(" | ", examples);
        }
    }

    private String jcmd(String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process run = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), command).redirectErrorStream(true)
                    .start();
            String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!run.waitFor(HTTP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || run.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + command + " failed: " + output);
            }
            return output;
        } catch (IOException failure) {
            throw new IllegalStateException("jcmd " + command + " could not run: " + failure, failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during jcmd " + command, e);
        }
    }

    /** SIGTERM (chat-server closes its sockets and stops), then SIGKILL if it takes too long. */
    @Override
    public void close() {
        process.destroy();
        awaitEnd(process, STOP_PATIENCE);
    }

    /** Waits up to {@code patience} for {@code process} to end, then kills it. */
    static void awaitEnd(Process process, Duration patience) {
        try {
            if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
