package dev.parley.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The local gateway's console, a line per invocation ({@code route=sendMessage ... status=200 ...}) and the handlers'
 * log lines, kept as counts: invocations, those answered with anything but 200, and other lines (handlers log only
 * when something fails), with the first few of each kept verbatim. Costs little and keeps the report readable.
 */
public final class GatewayConsole implements Consumer<String> {

    private static final int EXAMPLES = 3;

    private final List<String> examples = new ArrayList<>();
    private long invocations;
    private long failedInvocations;
    private long otherLines;

    @Override
    public synchronized void accept(String line) {
        if (line.startsWith("route=")) {
            invocations++;
            if (!line.contains(" status=200")) {
                failedInvocations++;
                example(line);
            }
        } else if (!line.isBlank()) {
            otherLines++;
            example(line);
        }
    }

    private void example(String line) {
        if (examples.size() < EXAMPLES) {
            examples.add(line);
        }
    }

    public synchronized Tally tally() {
        return new Tally(invocations, failedInvocations, otherLines, examples);
    }

    /** What the console said so far. */
    public record Tally(long invocations, long failedInvocations, long otherLines, List<String> examples) {

        public Tally {
            examples = List.copyOf(examples);
        }

        /** The problems it shows: any invocation not answered 200, any handler log line. */
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            if (failedInvocations > 0) {
                problems.add(failedInvocations + " invocations not answered 200");
            }
            if (otherLines > 0) {
                problems.add(otherLines + " lines logged by the handlers or the gateway");
            }
            if (!problems.isEmpty()) {
                examples.forEach(example -> problems.add("gateway console: " + example));
            }
            return problems;
        }

        @Override
        public String toString() {
            return String.format("%,d invocations, %,d not answered 200, %,d other lines", invocations,
                    failedInvocations, otherLines);
        }
    }
}
