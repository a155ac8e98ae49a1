package dev.parley.bench.load;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** What carries a load run's frames: chat-local (the Lambda handlers behind the emulated gateway) or chat-server. */
public enum Transport {

    CHAT_LOCAL("chat-local", "chat-local's gateway, dynalite, the real handlers"),
    CHAT_SERVER("chat-server", "chat-server's WebSocket endpoint, the use cases over the in-memory adapters");

    /** The value of {@code --transport} that runs every transport, one after the other. */
    static final String BOTH = "both";

    private final String flag;
    private final String parts;

    Transport(String flag, String parts) {
        this.flag = flag;
        this.parts = parts;
    }

    /** As {@code --transport} names it. */
    public String flag() {
        return flag;
    }

    /** What a run through it drives, for the report's first line. */
    String parts() {
        return parts;
    }

    /** Starts this transport's Parley, with its defaults, on a free loopback port. */
    LoadTarget start() {
        return start(false, System.out);
    }

    /**
     * As {@link #start()}; chat-local first warms itself up as its command line does when {@code localWarmUp}, saying
     * so on {@code out}.
     */
    LoadTarget start(boolean localWarmUp, PrintStream out) {
        return switch (this) {
            case CHAT_LOCAL -> LoadTarget.ChatLocal.start(localWarmUp, out);
            case CHAT_SERVER -> LoadTarget.ChatServerTarget.start();
        };
    }

    /** The flags {@code --transport} accepts. */
    static List<String> flags() {
        return Stream.concat(Arrays.stream(values()).map(Transport::flag), Stream.of(BOTH)).toList();
    }

    /** The transports {@code flag} selects: one, or every one for {@link #BOTH}. */
    static List<Transport> selected(String flag) {
        if (BOTH.equals(flag)) {
            return List.of(values());
        }
        return Arrays.stream(values()).filter(transport -> transport.flag.equals(flag)).findFirst().map(List::of)
                .orElseThrow(() -> new IllegalArgumentException("--transport must be one of " + flags() + ", not '"
                        + flag + "'"));
    }
}
