package dev.parley.chat.adapter.in.socket;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** One JSON object a line, for log collectors to read without a pattern: time, level, event, then the details. */
public final class JsonLog {

    private final PrintStream out;
    private final Clock clock;

    public JsonLog(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    public void info(String event, Map<String, ?> details) {
        write("INFO", event, details);
    }

    public void error(String event, Map<String, ?> details) {
        write("ERROR", event, details);
    }

    private void write(String level, String event, Map<String, ?> details) {
        var line = new LinkedHashMap<String, Object>();
        line.put("time", clock.instant().toString());
        line.put("level", level);
        line.put("event", event);
        line.putAll(details);
        String text;
        try {
            text = JSON.std.asString(line);
        } catch (IOException e) {
            throw new UncheckedIOException("a log line could not be written as JSON", e);
        }
        // One println per line: lines from concurrent connections never interleave.
        out.println(text);
    }
}
