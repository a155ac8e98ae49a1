package dev.parley.bench.resume;

import static dev.parley.bench.Stats.seconds;

import dev.parley.bench.DynaliteChatDetailsTable;
import dev.parley.bench.Options;
import dev.parley.bench.ReadCounter;
import dev.parley.bench.Stats;
import dev.parley.bench.fanout.CallbackSettings;
import dev.parley.bench.fanout.FanOut;
import dev.parley.bench.fanout.ThrottledCallbacks;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbConnectionRegistry;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbMessageHistory;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbRoomRegistry;
import dev.parley.chat.domain.model.ChatMessage;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.adapter.out.memory.InMemoryLimitRegistry;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.HistoryPosition;
import dev.parley.chat.domain.model.HistoryWindow;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.StoredMessage;
import dev.parley.chat.domain.port.in.JoinRoomCommand;
import dev.parley.chat.domain.port.in.JoinRoomResult;
import dev.parley.chat.domain.service.JoinRoomService;
import dev.parley.local.gateway.VirtualConnections;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Resume: a client that missed N messages of a room joins it again with {@code since}, through
 * {@code JoinRoomService} with the real {@code ApiGatewayMessagePublisher}, the history read from dynalite by
 * {@link DynamoDbMessageHistory} (consistent Queries), against chat-local's throttled {@code @connections} (as the
 * broadcast benchmark uses it). Times the join until the last replayed frame is delivered, counts the DynamoDB reads
 * it cost, and fails (exit 1) unless the client got the {@code joined} frame and every missed message exactly once.
 * The replay goes one frame a message, each sent once the one before is delivered: its floor is N + 1 round trips.
 */
public final class ResumeBenchmark {

    static final Set<String> OPTIONS = CallbackSettings.optionsAnd("missed", "message-bytes", "runs", "warmup",
            "writers");

    static final RoomName ROOM = new RoomName("resume");

    private ResumeBenchmark() {}

    /** The settings of one benchmark; see {@code bench/resume.sh} for what each option means. */
    record Settings(int missed, int messageBytes, int runs, int warmup, int writers, CallbackSettings callbacks) {

        static Settings from(Options options) {
            return new Settings(
                    options.integer("missed", 1_000, 1),
                    options.integer("message-bytes", 200, 1),
                    options.integer("runs", 5, 1),
                    options.integer("warmup", 2, 0),
                    options.integer("writers", 4, 1),
                    CallbackSettings.from(options));
        }

        /** The joined frame and every missed message, one after the other, each a round trip. */
        int frames() {
            return missed + 1;
        }

        Duration floor() {
            return callbacks.latency().multipliedBy(frames());
        }
    }

    /**
     * One measured resume.
     *
     * @param fanOut the join (membership, head, the missed messages' Query, the replay), timed to its last frame
     * @param frames the frames the resuming connection got
     * @param reads  the DynamoDB reads of the join
     */
    record ResumeRun(FanOut<JoinRoomResult> fanOut, int frames, ReadCounter.Reads reads) {

        /** The join replayed every missed message, and the connection got it and them exactly once. */
        boolean complete(Settings settings) {
            return fanOut.result() instanceof JoinRoomResult.Joined joined
                    && joined.catchup().map(catchup -> catchup.gap().isEmpty()
                            && catchup.messages().size() == settings.missed()).orElse(false)
                    && frames == settings.frames();
        }
    }

    public static void main(String[] args) {
        Settings settings;
        try {
            settings = Settings.from(Options.parse(args, OPTIONS));
        } catch (IllegalArgumentException wrong) {
            System.err.println("resume benchmark: " + wrong.getMessage());
            System.exit(2);
            return;
        }
        List<ResumeRun> runs = run(settings, System.out);
        System.exit(runs.stream().allMatch(run -> run.complete(settings)) ? 0 : 1);
    }

    /** Stores the room's messages, then has a new connection resume from before them, warm-up runs first. */
    static List<ResumeRun> run(Settings settings, PrintStream out) {
        if (settings.missed() > HistoryWindow.DEFAULT.maxMessages()) {
            throw new IllegalArgumentException("--missed is at most the history window, "
                    + HistoryWindow.DEFAULT.maxMessages() + ", or the resume is a gap");
        }
        List<Connection> resumers = IntStream.rangeClosed(1, settings.warmup() + settings.runs())
                .mapToObj(n -> new Connection(new ConnectionId(String.format("resumer%07d=", n)),
                        new DisplayName("resumer-" + n), Instant.now()))
                .toList();
        VirtualConnections endpoint = VirtualConnections.of(resumers.stream().map(c -> c.id().value()).toList());
        out.printf("a resume of %,d missed messages of %,d bytes each, on dynalite; %s%n", settings.missed(),
                settings.messageBytes(), settings.callbacks().describe());
        var reads = new ReadCounter();
        Clock clock = Clock.systemUTC();
        try (ThrottledCallbacks callbacks = ThrottledCallbacks.start(settings.callbacks(), endpoint);
                DynaliteChatDetailsTable table = DynaliteChatDetailsTable.start("chatDetails", reads)) {
            DynamoDbConnectionRegistry registry = table.registry();
            DynamoDbRoomRegistry rooms = table.createRoomsTable("chatRooms", 0, clock);
            DynamoDbMessageHistory history = table.createHistoryTable("chatHistory");
            HistoryPosition since = new HistoryPosition(history.head(ROOM).epoch(), 0);
            store(settings, history, clock, out);
            resumers.forEach(registry::register);
            var join = new JoinRoomService(registry, rooms, callbacks.publisher(), clock, new InMemoryLimitRegistry(),
                    RoomLimit.DEFAULT, history, HistoryWindow.DEFAULT);

            List<ResumeRun> measured = new ArrayList<>();
            for (int run = 1; run <= resumers.size(); run++) {
                ConnectionId resumer = resumers.get(run - 1).id();
                var command = new JoinRoomCommand(resumer, ROOM, Optional.of(since), Optional.empty());
                reads.takeReads();
                FanOut<JoinRoomResult> fanOut = callbacks.measure(() -> join.join(command));
                var result = new ResumeRun(fanOut, endpoint.copiesTo(resumer.value()), reads.takeReads());
                boolean warmup = run <= settings.warmup();
                out.println(describe(settings, result, warmup ? "warm-up" : "run " + (run - settings.warmup())));
                if (!warmup) {
                    measured.add(result);
                }
            }
            summarise(settings, measured, out);
            return measured;
        }
    }

    /** The missed messages, each as a send stores it: its seq allocated, then the message put at it. Not timed. */
    private static void store(Settings settings, DynamoDbMessageHistory history, Clock clock, PrintStream out) {
        long start = System.nanoTime();
        var sender = new ConnectionId("sender0000000=");
        String text = "x".repeat(settings.messageBytes());
        DynaliteChatDetailsTable.writeAll(IntStream.range(0, settings.missed()).boxed().toList(), n -> {
            HistoryPosition position = history.allocate(ROOM, clock.instant());
            Instant sentAt = clock.instant();
            var message = new ChatMessage(MessageId.random(), sender, new DisplayName("sender"), Optional.empty(),
                    new MessageText(text), sentAt, Optional.of(ROOM), OptionalLong.of(position.seq()));
            history.store(new StoredMessage(position, message), HistoryWindow.DEFAULT.expiresAt(sentAt));
        }, settings.writers());
        out.printf("stored %,d messages in #%s on dynalite in %.1f s (%d writers)%n", settings.missed(), ROOM.value(),
                (System.nanoTime() - start) / 1e9, settings.writers());
    }

    private static String describe(Settings settings, ResumeRun run, String label) {
        double floor = seconds(settings.floor());
        FanOut<JoinRoomResult> fanOut = run.fanOut();
        ReadCounter.Reads reads = run.reads();
        return String.format("%-8s %7.3f s to the last replayed frame = %5.2f x floor %.3f s (%,d round trips);"
                        + " frames %,d, complete: %s; POSTs %,d, 429s %,d; reads: GetItem %d, Query %d (pages, %,d"
                        + " items examined), %.1f RCU",
                label, seconds(fanOut.elapsed()), seconds(fanOut.elapsed()) / floor, floor, settings.frames(),
                run.frames(), run.complete(settings) ? "yes" : "NO (" + fanOut.result() + ")", fanOut.posts(),
                fanOut.throttled(), reads.getItems(), reads.queries(), reads.itemsExaminedByPages(),
                reads.capacityUnits());
    }

    private static void summarise(Settings settings, List<ResumeRun> runs, PrintStream out) {
        double floor = seconds(settings.floor());
        double resume = median(runs, fanOut -> seconds(fanOut.elapsed()));
        ReadCounter.Reads reads = runs.get(0).reads();
        out.printf("RESULT resume missed=%d message_bytes=%d latency_ms=%d floor_s=%.3f resume_median_s=%.3f"
                        + " ratio=%.2f per_message_ms=%.2f getitem=%d query=%d items_examined=%d rcu=%.1f"
                        + " reads_same_each_run=%s complete=%s%n",
                settings.missed(), settings.messageBytes(), settings.callbacks().latency().toMillis(), floor, resume,
                resume / floor, resume * 1000 / settings.frames(), reads.getItems(), reads.queries(),
                reads.itemsExaminedByPages(), reads.capacityUnits(),
                runs.stream().allMatch(run -> run.reads().equals(reads)),
                runs.stream().allMatch(run -> run.complete(settings)));
    }

    private static double median(List<ResumeRun> runs, Function<FanOut<JoinRoomResult>, Double> figure) {
        return Stats.median(runs.stream().map(run -> figure.apply(run.fanOut())).toList());
    }
}
