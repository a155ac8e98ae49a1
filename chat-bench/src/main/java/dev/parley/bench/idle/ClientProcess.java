package dev.parley.bench.idle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A client JVM ({@link IdleClients}) holding some of the idle connections, driven a line at a time. */
final class ClientProcess implements AutoCloseable {

    private static final Duration STOP_PATIENCE = Duration.ofSeconds(40);
    /** Beyond the client's own patience: a client that waited it out still answers what it saw. */
    private static final Duration ANSWER_MARGIN = Duration.ofSeconds(30);

    private final Process process;
    private final BufferedReader answers;
    private final PrintStream commands;
    private final Duration patience;

    private ClientProcess(Process process, Duration patience) {
        this.process = process;
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.patience = patience.plus(ANSWER_MARGIN);
    }

    /** Starts a client JVM that opens {@code connections} to {@code chat}; {@link #connected()} waits for them. */
    static ClientProcess start(Path java, int heapMb, URI chat, int connections, int handshakesAtOnce,
            Duration patience) throws IOException {
        List<String> command = List.of(java.toString(), "-Xmx" + heapMb + "m", "-cp",
                System.getProperty("java.class.path"), IdleClients.class.getName(), "--url", chat.toString(),
                "--connections", Integer.toString(connections), "--handshakes-at-once",
                Integer.toString(handshakesAtOnce), "--connect-timeout-s", Long.toString(patience.toSeconds()));
        return new ClientProcess(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start(),
                patience);
    }

    /** Waits for its connections: the seconds they took. */
    double connected() {
        return Double.parseDouble(answer("connected")[2]);
    }

    /** Sends {@code text} from its first connection; the recipients its acknowledgement counts, and the ms it took. */
    String[] send(String text) {
        commands.println("send " + text);
        return answer("ack");
    }

    /** Asks it to wait for {@code text} on every connection it did not send it from; answers how many got it. */
    void awaitAsync(String text, Duration wait) {
        commands.println("await " + text + " " + wait.toSeconds());
    }

    /** The answer to {@link #awaitAsync}: how many of its connections got the text, and the ms until the last did. */
    String[] received() {
        return answer("received");
    }

    /** The next answer, which must start with {@code expected}; its words. */
    private String[] answer(String expected) {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return answers.readLine();
            } catch (IOException failure) {
                throw new IllegalStateException(failure);
            }
        });
        String text;
        try {
            text = line.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception failure) {
            throw new IllegalStateException("a client JVM gave no '" + expected + "' answer within " + patience
                    + ": " + failure, failure);
        }
        if (text == null || !text.startsWith(expected + " ")) {
            throw new IllegalStateException("a client JVM answered '" + text + "', not '" + expected + " ...'");
        }
        return text.split(" ");
    }

    /** Closes its connections and lets it end; kills it if it does not. */
    @Override
    public void close() {
        commands.println("close");
        ServerProcess.awaitEnd(process, STOP_PATIENCE);
    }
}
