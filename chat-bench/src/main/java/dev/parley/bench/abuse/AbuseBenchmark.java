package dev.parley.bench.abuse;

import dev.parley.bench.Options;
import dev.parley.bench.load.ChatRoom;
import dev.parley.bench.load.LatencySummary;
import dev.parley.bench.load.LoadUsers;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Abuse: the delivery latency of N normal users chatting through all of Parley in this JVM (chat-local with
 * authorization on, dynalite, the real handlers), first quiet, then while one more user floods it with frames over
 * several connections. Each user sends at a steady rate in all, the clients taking turns; the figure compared is the
 * p99 of the time from a normal send to each other normal client's receipt. Everything stays on loopback; the run is
 * bounded by its phases and a deadline. Exits 1 when the normal messages did not all arrive, 2 for a bad option.
 */
public final class AbuseBenchmark {

    static final Set<String> OPTIONS = Set.of("clients", "rate", "seconds", "warmup-s", "abuse-rate", "abuse-connections",
            "drain-s");

    /** The goal: the abuser leaves the others' p99 within this factor of the quiet figure. */
    static final double TARGET_RATIO = 1.2;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);

    private AbuseBenchmark() {}

    record Settings(int clients, int rate, Duration phase, Duration warmup, int abuseRate, int abuseConnections,
            Duration drain) {

        static Settings from(Options options) {
            return new Settings(
                    options.integer("clients", 50, 2),
                    options.integer("rate", 10, 1),
                    Duration.ofSeconds(options.integer("seconds", 60, 1)),
                    Duration.ofSeconds(options.integer("warmup-s", 30, 0)),
                    options.integer("abuse-rate", 1_000, 1),
                    options.integer("abuse-connections", 5, 1),
                    Duration.ofSeconds(options.integer("drain-s", 30, 1)));
        }
    }

    /** What a run measured. */
    record AbuseReport(Settings settings, LatencySummary quiet, LatencySummary abused, long abuseSent,
            Map<String, Long> abuseAnswers, List<String> problems) {

        AbuseReport {
            abuseAnswers = Map.copyOf(abuseAnswers);
            problems = List.copyOf(problems);
        }

        /** The abused p99 over the quiet one. */
        double ratio() {
            return abused.p99() / quiet.p99();
        }

        boolean withinTarget() {
            return ratio() <= TARGET_RATIO;
        }

        void print(PrintStream out) {
            out.println("quiet:  delivery latency " + quiet);
            out.println("abused: delivery latency " + abused);
            out.printf("abuser: %,d frames sent, answered %s%n", abuseSent, abuseAnswers);
            problems.forEach(problem -> out.println("PROBLEM " + problem));
            out.printf("RESULT abuse clients=%d rate=%d seconds=%d abuse_rate=%d abuse_connections=%d %s %s"
                            + " ratio_p99=%.2f within_target=%s passed=%s%n",
                    settings.clients(), settings.rate(), settings.phase().toSeconds(), settings.abuseRate(),
                    settings.abuseConnections(), quiet.fields("quiet"), abused.fields("abused"), ratio(),
                    withinTarget(), problems.isEmpty());
        }
    }

    public static void main(String[] args) {
        Settings settings;
        try {
            settings = Settings.from(Options.parse(args, OPTIONS));
        } catch (IllegalArgumentException wrong) {
            System.err.println("abuse benchmark: " + wrong.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(settings, System.out).problems().isEmpty() ? 0 : 1);
    }

    static AbuseReport run(Settings settings, PrintStream out) {
        out.printf("abuse: %d users sending %d messages/s in all, %d s quiet then %d s while one more user sends %,d"
                        + " frames/s over %d connections (%s, in turn); all of Parley in this JVM with authorization on"
                        + "%n", settings.clients(), settings.rate(), settings.phase().toSeconds(),
                settings.phase().toSeconds(), settings.abuseRate(), settings.abuseConnections(),
                String.join(", ", Abuser.FRAMES));
        LoadUsers users = LoadUsers.random();
        List<String> problems = new ArrayList<>();
        try (ChatRoom room = ChatRoom.openAuthorized(settings.clients(), CONNECT_TIMEOUT, users)) {
            if (!settings.warmup().isZero()) {
                phase(room, settings, settings.warmup(), "warm-up", problems);
            }
            LatencySummary quiet = phase(room, settings, settings.phase(), "quiet", problems);
            URI abuserUri = URI.create(room.webSocket() + "?token=" + users.token("abuser"));
            LatencySummary abused;
            long abuseSent;
            Map<String, Long> abuseAnswers;
            try (Abuser abuser = Abuser.connect(abuserUri, settings.abuseConnections(), CONNECT_TIMEOUT)) {
                abuser.start(settings.abuseRate());
                abused = phase(room, settings, settings.phase(), "abused", problems);
                abuser.stop();
                if (!abuser.awaitAnswers(System.nanoTime() + settings.drain().toNanos())) {
                    problems.add("the abuser's frames were not all answered within " + settings.drain().toSeconds()
                            + " s of the end");
                }
                abuseSent = abuser.sent();
                abuseAnswers = abuser.answers();
            }
            var report = new AbuseReport(settings, quiet, abused, abuseSent, abuseAnswers, problems);
            report.print(out);
            return report;
        }
    }

    /** The normal users send steadily for {@code length}; returns the latency of what they sent, all delivered. */
    private static LatencySummary phase(ChatRoom room, Settings settings, Duration length, String name,
            List<String> problems) {
        room.traffic().deliveryLatencySinceLastCall();
        room.sendSteadily(settings.rate(), length);
        if (!room.drain(System.nanoTime() + settings.drain().toNanos())) {
            problems.add("the " + name + " phase's messages did not all arrive within " + settings.drain().toSeconds()
                    + " s");
        }
        return LatencySummary.of(room.traffic().deliveryLatencySinceLastCall());
    }
}
