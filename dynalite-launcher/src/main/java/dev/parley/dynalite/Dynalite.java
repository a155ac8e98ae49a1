package dev.parley.dynalite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The project's pinned dynalite (a DynamoDB-compatible server on Node.js) running as a child process on a loopback
 * port. {@link #close()} stops it and its descendants; a JVM shutdown hook does the same when the JVM ends first
 * (Ctrl-C, SIGTERM). When the JVM ends without running its hooks (SIGKILL, the OOM killer, a crash), dynalite ends
 * itself: it watches its stdin, whose other end only this JVM holds, and its parent ({@link #PARENT_GUARD}).
 */
public final class Dynalite implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(50);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    /** A free port picked here can be taken by someone else before dynalite binds it: then pick another. */
    private static final int FREE_PORT_ATTEMPTS = 3;

    /**
     * Run by node before dynalite's own script ({@code node -e GUARD cli.js ARGS...}): the kernel closes the JVM's end of
     * the stdin pipe however the JVM ends, so dynalite sees end of input and exits; checking that the parent is still
     * the JVM covers a stdin that was somehow inherited. Linux and macOS alike, no prctl.
     */
    static final String PARENT_GUARD = """
            const parent = process.ppid; const exit = () => process.exit(0); \
            process.stdin.on('end', exit).on('error', exit).resume(); \
            setInterval(() => { if (process.ppid !== parent) exit(); }, 500).unref(); \
            require(process.argv[1]);""";

    private final Process process;
    private final URI endpoint;
    private final Thread shutdownHook;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private Dynalite(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
        this.shutdownHook = new Thread(this::stop, "dynalite-shutdown-" + process.pid());
    }

    /** Starts dynalite and returns once it answers a ListTables call. */
    public static Dynalite start(DynaliteOptions options) {
        Path cli = DynaliteInstallation.locateCli(options.projectRoot(), Path.of(""),
                Optional.ofNullable(System.getenv("PARLEY_HOME")));
        options.dataDir().ifPresent(dir -> {
            createDirectories(dir);
            DataDirLock.requireFree(dir);
        });
        if (options.port() != 0) {
            return launch(cli, options.port(), options);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return launch(cli, freeLoopbackPort(), options);
            } catch (PortTakenException e) {
                if (attempt == FREE_PORT_ATTEMPTS) {
                    throw new DynaliteStartException("dynalite found its free port taken " + attempt + " times", e);
                }
            }
        }
    }

    /** Where to send DynamoDB calls, such as {@code http://127.0.0.1:45123}. */
    public URI endpoint() {
        return endpoint;
    }

    /** The process id of the dynalite process. */
    public long pid() {
        return process.pid();
    }

    /** Stops dynalite and every process it started, and waits until they are gone. Calling it again does nothing. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shutdownInProgress) {
            // The hook is running or about to: stop() below is idempotent.
        }
        stop();
    }

    @Override
    public String toString() {
        return "dynalite (pid " + pid() + ") at " + endpoint;
    }

    private static Dynalite launch(Path cli, int port, DynaliteOptions options) {
        List<String> command = new ArrayList<>(List.of("node", "-e", PARENT_GUARD, cli.toAbsolutePath().toString(),
                "--port", Integer.toString(port), "--host", HOST,
                // Tables are ACTIVE at once instead of CREATING for half a second, as tests and the local gateway need.
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
        options.dataDir().ifPresent(dir -> command.addAll(List.of("--path", dir.toAbsolutePath().toString())));

        Process process;
        try {
            // stdin stays a pipe whose write end only this JVM holds: the guard's signal that the JVM is gone.
            process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new DynaliteStartException("cannot run `node`: is Node.js 20 or later installed and on the PATH? ("
                    + e.getMessage() + ")", e);
        }
        Dynalite dynalite = new Dynalite(process, URI.create("http://" + HOST + ":" + port));
        if (options.stopOnJvmExit()) {
            Runtime.getRuntime().addShutdownHook(dynalite.shutdownHook);
        }
        OutputTail stderr = OutputTail.drain(process.getErrorStream(), "dynalite-stderr-" + process.pid());
        try {
            dynalite.awaitAnswer(stderr);
            return dynalite;
        } catch (RuntimeException e) {
            dynalite.close();
            throw e;
        }
    }

    private void awaitAnswer(OutputTail stderr) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (true) {
            if (!process.isAlive()) {
                String output = stderr.text();
                String failure = "dynalite exited with status " + process.exitValue() + " before answering on "
                        + endpoint + ". Its stderr:\n" + output;
                throw output.contains("EADDRINUSE")
                        ? new PortTakenException(failure)
                        : new DynaliteStartException(failure);
            }
            if (answersListTables(http)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new DynaliteStartException("dynalite did not answer ListTables on " + endpoint + " within "
                        + STARTUP_TIMEOUT.toSeconds() + " s. Its stderr:\n" + stderr.text());
            }
            pause(PROBE_INTERVAL);
        }
    }

    private boolean answersListTables(HttpClient http) {
        try {
            HttpResponse<String> response = http.send(
                    DynamoDbJsonRequest.of(endpoint, "ListTables", "{}", PROBE_TIMEOUT),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DynaliteStartException("interrupted while waiting for dynalite on " + endpoint, e);
        }
    }

    private void stop() {
        if (!stopped.compareAndSet(false, true)) {
            awaitExit(process.toHandle());
            return;
        }
        // Taken before the parent goes: once it has, its children are re-parented and no longer listed.
        List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
        family.add(0, process.toHandle());
        family.forEach(ProcessHandle::destroy);
        family.stream().filter(handle -> !awaitExit(handle)).forEach(ProcessHandle::destroyForcibly);
        family.forEach(Dynalite::awaitExit);
    }

    /** Waits for the process to end, up to the stop timeout; true when it has. */
    private static boolean awaitExit(ProcessHandle handle) {
        try {
            handle.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for process " + handle.pid() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    private static void createDirectories(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new DynaliteStartException("cannot create dynalite's data folder " + dataDir + ": " + e, e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DynaliteStartException("interrupted while waiting for dynalite", e);
        }
    }

    /** dynalite could not bind the port: with a port picked here, another one can be tried. */
    private static final class PortTakenException extends DynaliteStartException {

        private static final long serialVersionUID = 1L;

        PortTakenException(String message) {
            super(message);
        }
    }
}
