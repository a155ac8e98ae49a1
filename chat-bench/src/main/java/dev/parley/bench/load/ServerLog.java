package dev.parley.bench.load;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * chat-server's JSON log during a run, kept as counts: lines, {@code "level":"ERROR"} lines (a frame, socket or
 * broadcast that failed, a client too slow) and handshakes it refused, with the first few of those verbatim. A run
 * should log only connections and disconnections.
 */
public final class ServerLog {

    private static final int EXAMPLES = 3;

    private final List<String> examples = new ArrayList<>();
    private long lines;
    private long errors;
    private long refusals;

    /** A stream to give the server as its log: each line it writes is counted here. */
    OutputStream lines() {
        return new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                if (b == '\n') {
                    accept(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        };
    }

    synchronized void accept(String line) {
        if (line.isBlank()) {
            return;
        }
        lines++;
        boolean error = line.contains("\"level\":\"ERROR\"");
        boolean refused = line.contains("\"event\":\"refused\"");
        if (error) {
            errors++;
        }
        if (refused) {
            refusals++;
        }
        if ((error || refused) && examples.size() < EXAMPLES) {
            examples.add(line);
        }
    }

    synchronized Tally tally() {
        return new Tally(lines, errors, refusals, examples);
    }

    /** What the log said so far. */
    public record Tally(long lines, long errors, long refusals, List<String> examples) {

        public Tally {
            examples = List.copyOf(examples);
        }

        /** Any error line, any refused handshake. */
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            if (errors > 0) {
                problems.add(errors + " error lines in chat-server's log");
            }
            if (refusals > 0) {
                problems.add(refusals + " handshakes refused by chat-server");
            }
            examples.forEach(example -> problems.add("chat-server log: " + example));
            return problems;
        }

        @Override
        public String toString() {
            return String.format("%,d lines, %,d errors, %,d handshakes refused", lines, errors, refusals);
        }
    }
}
