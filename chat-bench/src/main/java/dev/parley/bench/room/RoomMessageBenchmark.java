package dev.parley.bench.room;

import static dev.parley.bench.Stats.seconds;

import dev.parley.bench.DynaliteChatDetailsTable;
import dev.parley.bench.Floor;
import dev.parley.bench.Options;
import dev.parley.bench.ReadCounter;
import dev.parley.bench.Stats;
import dev.parley.bench.fanout.CallbackSettings;
import dev.parley.bench.fanout.FanOut;
import dev.parley.bench.fanout.ThrottledCallbacks;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbConnectionRegistry;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbRoomRegistry;
import dev.parley.chat.adapter.out.memory.InMemorySendReceipts;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.HistoryWindow;
import dev.parley.chat.domain.model.Member;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.port.in.SendMessageCommand;
import dev.parley.chat.domain.port.in.SendMessageResult;
import dev.parley.chat.domain.port.out.RoomRegistry;
import dev.parley.chat.domain.service.SendMessageService;
import dev.parley.local.gateway.VirtualConnections;
import dev.parley.chat.adapter.out.memory.InMemoryLimitRegistry;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Rooms: one message from a member to a room of N, through {@code SendMessageService} with the real
 * {@code ApiGatewayMessagePublisher}, against chat-local's throttled {@code @connections} (as the broadcast benchmark
 * uses it), the members read from dynalite by {@link DynamoDbRoomRegistry}: a room's from its {@code c#} items in the
 * chat rooms table, the lobby's from the sharded active-connections index. M more connections are outside the room,
 * in a room of their own. Reports each send against the floor of its N - 1 recipients and the DynamoDB reads it cost,
 * and fails (exit 1) when a run missed or duplicated a recipient or sent to anyone else.
 */
public final class RoomMessageBenchmark {

    static final Set<String> OPTIONS =
            CallbackSettings.optionsAnd("members", "outsiders", "variants", "page-size", "runs", "warmup", "writers");

    /** The outsiders' own room: its memberships are in the table, and a room message must not read them. */
    static final RoomName ELSEWHERE = new RoomName("elsewhere");

    private RoomMessageBenchmark() {}

    /** Where the message goes, and so where its members are read from. */
    enum Variant {
        /** A room of its own: its {@code c#} items in the chat rooms table, by Query page by page. */
        ROOM(new RoomName("bench")),
        /** The lobby: the active connections whose rooms hold it, one Query per shard of the active index. */
        LOBBY(RoomName.LOBBY);

        final RoomName room;

        Variant(RoomName room) {
            this.room = room;
        }

        static List<Variant> parse(String names) {
            try {
                return Arrays.stream(names.split(",")).map(name -> valueOf(name.trim().toUpperCase(Locale.ROOT)))
                        .distinct().toList();
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException("--variants must list room and/or lobby, not '" + names + "'");
            }
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The settings of one benchmark; see {@code bench/room.sh} for what each option means. */
    record Settings(int members, int outsiders, List<Variant> variants, int pageSize, int runs, int warmup,
            int writers, CallbackSettings callbacks) {

        static Settings from(Options options) {
            return new Settings(
                    options.integer("members", 10_000, 2),
                    options.integer("outsiders", 1_000, 0),
                    Variant.parse(options.text("variants", "room,lobby")),
                    options.integer("page-size", 0, 0),
                    options.integer("runs", 5, 1),
                    options.integer("warmup", 3, 0),
                    options.integer("writers", 4, 1),
                    CallbackSettings.from(options));
        }

        /** Every member but the sender gets the message. */
        Floor floor() {
            return callbacks.floor(members - 1);
        }
    }

    public static void main(String[] args) {
        Settings settings;
        try {
            settings = Settings.from(Options.parse(args, OPTIONS));
        } catch (IllegalArgumentException wrong) {
            System.err.println("room message benchmark: " + wrong.getMessage());
            System.exit(2);
            return;
        }
        List<RoomRun> runs = run(settings, System.out);
        System.exit(runs.stream().allMatch(run -> run.exactlyOnce() && run.nobodyElse()) ? 0 : 1);
    }

    /** Sets up the room, runs the warm-up and measured sends of each variant, and returns the measured ones. */
    static List<RoomRun> run(Settings settings, PrintStream out) {
        List<Connection> members = connections("member%07d=", settings.members());
        List<Connection> outsiders = connections("outsider%07d=", settings.outsiders());
        List<String> memberIds = ids(members);
        List<String> outsiderIds = ids(outsiders);
        VirtualConnections endpoint =
                VirtualConnections.of(Stream.concat(memberIds.stream(), outsiderIds.stream()).toList());
        out.printf("a message to a room of %,d members, %,d connections outside it, on dynalite (Query pages of %s);"
                        + " %s%n", settings.members(), settings.outsiders(),
                settings.pageSize() == 0 ? "up to 1 MB" : String.format("%,d items", settings.pageSize()),
                settings.callbacks().describe());
        var reads = new ReadCounter();
        Clock clock = Clock.systemUTC();
        try (ThrottledCallbacks callbacks = ThrottledCallbacks.start(settings.callbacks(), endpoint);
                DynaliteChatDetailsTable table = DynaliteChatDetailsTable.start("chatDetails", reads)) {
            DynamoDbConnectionRegistry registry = table.registry();
            DynamoDbRoomRegistry rooms = table.createRoomsTable("chatRooms", settings.pageSize(), clock);
            setUp(settings, registry, rooms, members, outsiders, out);
            var send = new SendMessageService(registry, rooms, callbacks.publisher(), clock, new InMemoryLimitRegistry(),
                    table.createHistoryTable("chatHistory"), new InMemorySendReceipts(), HistoryWindow.DEFAULT);
            ConnectionId sender = members.get(0).id();
            List<String> recipients = memberIds.subList(1, memberIds.size());
            List<String> others = Stream.concat(Stream.of(sender.value()), outsiderIds.stream()).toList();

            List<RoomRun> measured = new ArrayList<>();
            for (Variant variant : settings.variants()) {
                List<RoomRun> runs = new ArrayList<>();
                for (int run = 1; run <= settings.warmup() + settings.runs(); run++) {
                    var command = new SendMessageCommand(sender, new MessageText("benchmark room message " + run),
                            new SendMessageCommand.ToRoom(variant.room));
                    reads.takeReads();
                    FanOut<SendMessageResult> fanOut = callbacks.measure(() -> send.send(command));
                    var result = new RoomRun(variant, fanOut, Copies.count(endpoint, recipients, others),
                            reads.takeReads());
                    boolean warmup = run <= settings.warmup();
                    out.println(describe(settings, result, warmup ? "warm-up" : "run " + (run - settings.warmup())));
                    if (!warmup) {
                        runs.add(result);
                    }
                }
                summarise(settings, variant, runs, out);
                measured.addAll(runs);
            }
            return measured;
        }
    }

    private static List<Connection> connections(String idFormat, int count) {
        Instant now = Instant.now();
        return IntStream.range(0, count)
                .mapToObj(n -> new Connection(
                        new ConnectionId(String.format(idFormat, n)), new DisplayName("guest-" + n), now))
                .toList();
    }

    private static List<String> ids(List<Connection> connections) {
        return connections.stream().map(connection -> connection.id().value()).toList();
    }

    /**
     * Registers everyone, joins the members to every room measured and the outsiders to a room of their own (never the
     * lobby): each join as a connection's own, the registry's four writes. Not timed.
     */
    private static void setUp(Settings settings, DynamoDbConnectionRegistry registry, RoomRegistry rooms,
            List<Connection> members, List<Connection> outsiders, PrintStream out) {
        long start = System.nanoTime();
        List<Connection> everyone = Stream.concat(members.stream(), outsiders.stream()).toList();
        DynaliteChatDetailsTable.writeAll(everyone, registry::register, settings.writers());
        List<Runnable> joins = new ArrayList<>();
        for (Variant variant : settings.variants()) {
            members.forEach(member -> joins.add(() -> join(rooms, variant.room, member)));
        }
        outsiders.forEach(outsider -> joins.add(() -> join(rooms, ELSEWHERE, outsider)));
        DynaliteChatDetailsTable.writeAll(joins, Runnable::run, settings.writers());
        out.printf("registered %,d connections and made %,d joins on dynalite in %.1f s (%d writers)%n",
                everyone.size(), joins.size(), (System.nanoTime() - start) / 1e9, settings.writers());
    }

    private static void join(RoomRegistry rooms, RoomName room, Connection connection) {
        RoomRegistry.JoinOutcome outcome = rooms.join(room, Member.of(connection), RoomLimit.DEFAULT);
        if (!(outcome instanceof RoomRegistry.Joined)) {
            throw new IllegalStateException(connection.id() + " could not join " + room + ": " + outcome);
        }
    }

    private static String describe(Settings settings, RoomRun run, String label) {
        double floor = seconds(settings.floor().duration());
        FanOut<SendMessageResult> fanOut = run.fanOut();
        Copies copies = run.copies();
        ReadCounter.Reads reads = run.reads();
        return String.format("%-5s %-8s %7.3f s = %5.2f x floor %.3f s (first recipient after %.3f s, publish %.3f s);"
                        + " %,d recipients, exactly one copy each: %s; copies to anyone else: %,d; POSTs %,d, 429s %,d;"
                        + " reads: GetItem %d, Query %d (pages, %,d items examined), %.1f RCU; %s",
                run.variant().label(), label, seconds(fanOut.elapsed()), seconds(fanOut.elapsed()) / floor, floor,
                seconds(fanOut.firstRecipient()), seconds(fanOut.publish()), copies.recipients(),
                run.exactlyOnce() ? "yes" : "NO (" + copies + ", " + fanOut.result() + ")", copies.strays(),
                fanOut.posts(), fanOut.throttled(), reads.getItems(), reads.queries(), reads.itemsExaminedByPages(),
                reads.capacityUnits(), fanOut.cpuPerPost());
    }

    private static void summarise(Settings settings, Variant variant, List<RoomRun> runs, PrintStream out) {
        double floor = seconds(settings.floor().duration());
        double send = median(runs, fanOut -> seconds(fanOut.elapsed()));
        double publish = median(runs, fanOut -> seconds(fanOut.publish()));
        double firstRecipient = median(runs, fanOut -> seconds(fanOut.firstRecipient()));
        ReadCounter.Reads reads = runs.get(0).reads();
        out.printf("RESULT room-message variant=%s members=%d outsiders=%d page_size=%d floor_s=%.3f"
                        + " send_median_s=%.3f ratio=%.2f first_recipient_median_s=%.3f publish_median_s=%.3f"
                        + " publish_ratio=%.2f getitem=%d query=%d items_examined=%d rcu=%.1f reads_same_each_run=%s"
                        + " exactly_once=%s nobody_else=%s%n",
                variant.label(), settings.members(), settings.outsiders(), settings.pageSize(), floor, send,
                send / floor, firstRecipient, publish, publish / floor, reads.getItems(), reads.queries(),
                reads.itemsExaminedByPages(), reads.capacityUnits(),
                runs.stream().allMatch(run -> run.reads().equals(reads)),
                runs.stream().allMatch(RoomRun::exactlyOnce), runs.stream().allMatch(RoomRun::nobodyElse));
    }

    private static double median(List<RoomRun> runs, Function<FanOut<SendMessageResult>, Double> figure) {
        return Stats.median(runs.stream().map(run -> figure.apply(run.fanOut())).toList());
    }
}
