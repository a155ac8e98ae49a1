package dev.parley.bench.coldstart;

import dev.parley.bench.DynaliteChatDetailsTable;
import dev.parley.bench.Options;
import dev.parley.bench.Stats;
import dev.parley.bench.coldstart.probe.EmptyHandler;
import dev.parley.bench.coldstart.probe.FirstEvent;
import dev.parley.bench.coldstart.probe.SdkFloorCrtHandler;
import dev.parley.bench.coldstart.probe.SdkFloorDynamoDbHandler;
import dev.parley.bench.coldstart.probe.SdkFloorEnhancedDynamoDbHandler;
import dev.parley.bench.coldstart.probe.SdkFloorEnhancedHandler;
import dev.parley.bench.coldstart.probe.SdkFloorHandler;
import dev.parley.chat.adapter.in.lambda.SendMessageHandler;
import dev.parley.chat.adapter.out.dynamodb.ChatHistoryTable;
import dev.parley.chat.adapter.out.dynamodb.ChatRoomsTable;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbBroadcastRecords;
import dev.parley.chat.auth.Principal;
import dev.parley.chat.auth.Role;
import dev.parley.chat.auth.SigningKey;
import dev.parley.chat.auth.TokenIssuer;
import dev.parley.chat.auth.TokenRules;
import dev.parley.chat.domain.model.Broadcast;
import dev.parley.chat.domain.model.BroadcastPage;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.Member;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.MessageText;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.domain.model.RoomAccess;
import dev.parley.chat.domain.model.RoomName;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.domain.port.out.RoomRegistry;
import dev.parley.chat.protocol.BroadcastWorkCodec;
import dev.parley.local.gateway.LocalGateway;
import dev.parley.local.gateway.RouteTable;
import dev.parley.local.gateway.VirtualConnections;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Goal 2: the cold start of {@code SendMessageHandler} against chat-local's {@code @connections} and dynalite, next
 * to an empty Java handler and, if asked for, the SDK floor ({@link SdkFloorHandler}: the same SDK clients and one
 * call each, nothing else), each in fresh JVMs pinned to one core, under each JVM setting asked for. The runs of all
 * settings and handlers are interleaved, so a change in the machine's load touches them alike.
 */
public final class ColdStartBenchmark {

    static final String SENDER = "coldSender0001=";
    /** The authorizers' signing secret in the probes (local use: {@code AUTH_SECRET}). */
    private static final String AUTH_SECRET = "parley-cold-start-probe-secret-32+bytes";
    static final Set<String> OPTIONS = Set.of("runs", "variants", "functions", "lambda-jar", "probe-jar",
            "lambda-jar-b", "recipients", "work-dir", "cpu", "jvm-options");
    /**
     * The functions measured beside the empty one, which every run measures as the baseline: {@code parley} is
     * {@code sendMessage}; the other Parley functions go by their route; the floors are the SDK's alone.
     */
    static final Set<String> FUNCTIONS = Set.of("parley", "floor", "floor-crt", "floor-dynamodb", "floor-enhanced",
            "floor-enhanced-dynamodb", "connect",
            "disconnect", "default", "members", "join", "leave", "history", "broadcast", "broadcast-status",
            "authorizer", "broadcast-authorizer", "worker");
    /**
     * Connects and disconnects: the lobby's members (every active connection, the recipients among them) hear of both,
     * so each run of either sends one copy to each recipient.
     */
    static final String JOINER = "coldJoiner0001=";
    /** The queued broadcast the worker sends a page of, to every recipient. */
    private static final Broadcast WORKER_BROADCAST = new Broadcast(
            new MessageId(UUID.fromString(FirstEvent.WORKER_BROADCAST)), new MessageText("cold queued broadcast"),
            Instant.parse("2026-12-03T00:00:00Z"), Optional.empty(), Optional.empty());

    private ColdStartBenchmark() {}

    /** What to measure; see {@code bench/cold-start.sh} for the options. */
    record Settings(int runs, List<JvmSetting> variants, List<String> functions, ProbeClasspath classpath,
            Optional<ProbeClasspath> classpathB, Optional<Path> lambdaJar, int recipients, Path workDir,
            boolean pinToOneCore, List<String> jvmOptions) {

        static Settings from(Options options) {
            List<JvmSetting> variants = Arrays.stream(options.text("variants", "default").split(","))
                    .map(JvmSetting::named).toList();
            List<String> functions = Arrays.stream(options.text("functions", "parley").split(","))
                    .map(String::strip).distinct().toList();
            if (!FUNCTIONS.containsAll(functions)) {
                throw new IllegalArgumentException("--functions takes " + String.join(", ", new TreeSet<>(FUNCTIONS))
                        + " joined with ',' (the empty function is always measured), not '"
                        + options.text("functions", "") + "'");
            }
            Optional<Path> lambdaJar = Optional.of(options.text("lambda-jar", "")).filter(path -> !path.isEmpty())
                    .map(Path::of);
            Path workDir = Path.of(options.text("work-dir", "target/cold-start"));
            ProbeClasspath classpath = lambdaJar
                    .map(jar -> ProbeClasspath.copyOf(Path.of(options.text("probe-jar", "")), jar, workDir.resolve("jars")))
                    .orElseGet(ProbeClasspath::ofThisJvm);
            // Another build of chat-lambda.jar, for an A/B of a change to the Lambda in one interleaved run.
            Optional<ProbeClasspath> classpathB = Optional.of(options.text("lambda-jar-b", ""))
                    .filter(path -> !path.isEmpty())
                    .map(jar -> ProbeClasspath.copyOf(Path.of(options.text("probe-jar", "")), Path.of(jar),
                            workDir.resolve("jars-b")));
            if (lambdaJar.isEmpty() && variants.stream().anyMatch(variant -> variant.cds() || variant.crtLibrary())) {
                throw new IllegalArgumentException("the cds and crtlib settings need --lambda-jar and --probe-jar");
            }
            int recipients = options.integer("recipients", 10, 0);
            if (recipients == 0 && functions.contains("worker")) {
                throw new IllegalArgumentException("the worker's page needs at least one recipient: --recipients 1 or more");
            }
            return new Settings(options.integer("runs", 20, 1), variants, functions, classpath, classpathB, lambdaJar,
                    recipients, workDir,
                    !options.choice("cpu", "0", Set.of("0", "any")).equals("any"),
                    Arrays.stream(options.text("jvm-options", "").split(" ")).filter(option -> !option.isBlank()).toList());
        }
    }

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = Settings.from(Options.parse(args, OPTIONS));
        } catch (IllegalArgumentException wrong) {
            System.err.println("cold-start benchmark: " + wrong.getMessage());
            System.exit(2);
            return;
        }
        Map<String, List<ProbeRun>> results = run(settings, System.out);
        System.exit(results.values().stream().flatMap(List::stream).allMatch(ProbeRun::answered) ? 0 : 1);
    }

    /** Measures every variant for both handlers; the runs by "variant handler". */
    static Map<String, List<ProbeRun>> run(Settings settings, PrintStream out) throws Exception {
        List<String> recipientIds = IntStream.range(0, settings.recipients())
                .mapToObj(n -> String.format("coldRecipient%04d=", n)).toList();
        // The sender reads history through @connections; a broadcast reaches the joiner while it is connected.
        VirtualConnections recipients = VirtualConnections.of(Stream.concat(recipientIds.stream(),
                Stream.of(SdkFloorHandler.RECIPIENT, SENDER, JOINER)).toList());
        Files.createDirectories(settings.workDir());
        try (DynaliteChatDetailsTable table = DynaliteChatDetailsTable.start("chatDetails");
                LocalGateway gateway = LocalGateway.builder()
                        .routes(urls -> RouteTable.builder().build())
                        .virtualConnections(recipients)
                        .console(line -> { })
                        .start()) {
            registerInTheLobby(table.registry(), table.createRoomsTable(ChatRoomsTable.DEFAULT_NAME, 0, Clock.systemUTC()),
                    recipientIds);
            // The lobby message the probe sends is stored in the lobby's history.
            table.createHistoryTable(ChatHistoryTable.DEFAULT_NAME);
            var environment = new LinkedHashMap<>(functionEnvironment(table, gateway));
            if (!recipientIds.isEmpty()) {
                // The worker's page is the one page of a queued broadcast accepted and planned; a page sent again is
                // sent but not counted again.
                var page = new BroadcastPage(WORKER_BROADCAST.id(), 0, recipientIds.stream().map(ConnectionId::new).toList());
                var records = new DynamoDbBroadcastRecords(table.client(), ChatHistoryTable.DEFAULT_NAME);
                records.create(WORKER_BROADCAST);
                records.plan(WORKER_BROADCAST.id(), List.of(page));
                environment.put(FirstEvent.PAGE_VARIABLE, new BroadcastWorkCodec().encode(page));
            }
            var launcher = new ProbeLauncher(settings.pinToOneCore(), settings.jvmOptions(), environment);
            List<ProbedFunction> functions = functions(settings, recipientIds);
            out.printf("cold start, %d runs per variant, %s, one sendMessage to %d recipients; JVM: %s%n",
                    settings.runs(), settings.pinToOneCore() ? "pinned to CPU 0 (taskset -c 0)" : "any CPU",
                    settings.recipients(), Runtime.version());

            Path crtLibraryFolder = settings.workDir().resolve("native");
            if (settings.variants().stream().anyMatch(JvmSetting::crtLibrary)) {
                CrtLibrary.extract(settings.lambdaJar().orElseThrow(), crtLibraryFolder);
            }
            Map<String, List<String>> flags = new LinkedHashMap<>();
            Map<String, Integer> expectedCopies = new LinkedHashMap<>();
            boolean training = settings.variants().stream().anyMatch(JvmSetting::cds);
            for (ProbedFunction function : functions) {
                Path archive = settings.workDir().resolve(function.name() + ".jsa");
                if (training) {
                    launcher.train(function, archive);
                }
                int runsOfFunction = settings.runs() * settings.variants().size() + (training ? 1 : 0);
                function.reaches().forEach(id -> expectedCopies.merge(id, runsOfFunction, Integer::sum));
                for (JvmSetting variant : settings.variants()) {
                    flags.put(key(variant, function), variant.flags(archive, crtLibraryFolder));
                }
            }

            Map<String, List<ProbeRun>> results = new LinkedHashMap<>();
            for (int run = 1; run <= settings.runs(); run++) {
                for (JvmSetting variant : settings.variants()) {
                    for (ProbedFunction function : functions) {
                        ProbeRun probe = launcher.probe(function, variant, flags.get(key(variant, function)));
                        if (!probe.answered()) {
                            out.println("FAILED " + key(variant, function) + ": " + probe.failure());
                        }
                        results.computeIfAbsent(key(variant, function), k -> new ArrayList<>()).add(probe);
                    }
                }
            }
            report(settings, functions, results, out);
            Map<String, Integer> wrongCopies = new TreeMap<>();
            expectedCopies.forEach((id, expected) -> {
                if (recipients.copiesTo(id) != expected) {
                    wrongCopies.put(id, recipients.copiesTo(id));
                }
            });
            out.printf("every recipient got one copy per run that sends to it (%s): %s%n",
                    expectedCopies.values().stream().distinct().map(String::valueOf).collect(Collectors.joining(", ")),
                    wrongCopies.isEmpty() ? "yes" : "NO, copies " + wrongCopies + " of " + expectedCopies);
            if (!wrongCopies.isEmpty()) {
                results.put("copies", List.of(ProbeRun.failed("recipients did not get one copy per run")));
            }
            return results;
        }
    }

    /**
     * What Lambda would set for every function, on dynalite's tables and the gateway's {@code @connections}: the
     * authorizers' secret too, and the administrator's token their first events carry.
     */
    static Map<String, String> functionEnvironment(DynaliteChatDetailsTable table, LocalGateway gateway) {
        String adminToken = new TokenIssuer(SigningKey.fromText(AUTH_SECRET), Clock.systemUTC(), TokenRules.DEFAULT)
                .issue(new Principal(new UserId("cold-admin"), new DisplayName("Ann"), RoomAccess.EVERY_ROOM,
                        Role.ADMIN), Duration.ofHours(1));
        return Map.of(
                "TABLE_NAME", table.tableName(),
                "AWS_REGION", DynaliteChatDetailsTable.REGION.id(),
                "WEBSOCKET_CALLBACK_URL", gateway.urls().callback().toString(),
                "ALLOWED_ORIGIN", "http://" + gateway.urls().authority(),
                "DYNAMODB_ENDPOINT", table.endpoint().toString(),
                "AWS_ACCESS_KEY_ID", "local",
                "AWS_SECRET_ACCESS_KEY", "local",
                "AUTH_SECRET", AUTH_SECRET,
                FirstEvent.TOKEN_VARIABLE, adminToken);
    }

    /** The empty function first, then those asked for, in their order, then Parley from the B jar if given. */
    private static List<ProbedFunction> functions(Settings settings, List<String> recipientIds) {
        ProbeClasspath jars = settings.classpath();
        List<String> acknowledged = List.of("\"type\":\"ack\"", "\"recipients\":" + settings.recipients());
        List<String> found = List.of("\"found\":true");
        List<String> floorRecipient = List.of(SdkFloorHandler.RECIPIENT);
        List<String> allowed = List.of("Effect=Allow");
        List<ProbedFunction> functions = new ArrayList<>();
        functions.add(new ProbedFunction("empty", EmptyHandler.class.getName(), jars, 200, List.of(), List.of()));
        for (String name : settings.functions()) {
            functions.add(switch (name) {
                case "parley" -> new ProbedFunction(name, SendMessageHandler.class.getName(), jars, 200,
                        acknowledged, recipientIds);
                case "floor" -> new ProbedFunction(name, SdkFloorHandler.class.getName(), jars, 200, found,
                        floorRecipient);
                case "floor-crt" -> new ProbedFunction(name, SdkFloorCrtHandler.class.getName(), jars, 200, found,
                        floorRecipient);
                case "floor-dynamodb" -> new ProbedFunction(name, SdkFloorDynamoDbHandler.class.getName(), jars, 200,
                        found, List.of());
                case "floor-enhanced" -> new ProbedFunction(name, SdkFloorEnhancedHandler.class.getName(), jars, 200,
                        found, floorRecipient);
                case "floor-enhanced-dynamodb" -> new ProbedFunction(name,
                        SdkFloorEnhancedDynamoDbHandler.class.getName(), jars, 200, found, List.of());
                case "connect" -> new ProbedFunction(name, FirstEvent.CONNECT.handlerClass(), jars, 200, List.of(),
                        recipientIds, JOINER);
                case "disconnect" -> new ProbedFunction(name, FirstEvent.DISCONNECT.handlerClass(), jars, 200,
                        List.of(), recipientIds, JOINER);
                case "default" -> parley(name, FirstEvent.DEFAULT, jars, 200, List.of("pong"));
                case "members" -> parley(name, FirstEvent.MEMBERS, jars, 200, List.of(SENDER));
                case "join" -> parley(name, FirstEvent.JOIN, jars, 200, List.of(FirstEvent.ROOM));
                case "leave" -> parley(name, FirstEvent.LEAVE, jars, 200, List.of(FirstEvent.ROOM));
                case "history" -> parley(name, FirstEvent.HISTORY, jars, 200, List.of());
                case "broadcast" -> new ProbedFunction(name, FirstEvent.BROADCAST.handlerClass(), jars, 200,
                        List.of("\"delivered\":"), recipientIds);
                case "broadcast-status" -> parley(name, FirstEvent.BROADCAST_STATUS, jars, 404,
                        List.of(FirstEvent.NO_BROADCAST));
                case "authorizer" -> parley(name, FirstEvent.AUTHORIZER, jars, 200, allowed);
                case "broadcast-authorizer" -> parley(name, FirstEvent.BROADCAST_AUTHORIZER, jars, 200, allowed);
                case "worker" -> new ProbedFunction(name, FirstEvent.WORKER.handlerClass(), jars, 200,
                        List.of("failures=0"), recipientIds);
                default -> throw new IllegalArgumentException("no function " + name);
            });
        }
        settings.classpathB().ifPresent(jarsB -> functions.add(new ProbedFunction("parley-b",
                SendMessageHandler.class.getName(), jarsB, 200, acknowledged, recipientIds)));
        return functions;
    }

    /** A Parley function whose first event comes from the sender and sends to none of the counted recipients. */
    private static ProbedFunction parley(String name, FirstEvent event, ProbeClasspath jars, int status,
            List<String> bodyContains) {
        return new ProbedFunction(name, event.handlerClass(), jars, status, bodyContains, List.of());
    }

    private static String key(JvmSetting variant, ProbedFunction function) {
        return variant.label() + " " + function.name();
    }

    /** The sender and the recipients, each in the lobby, where a message without a room goes, as at $connect. */
    private static void registerInTheLobby(ConnectionRegistry registry, RoomRegistry rooms, List<String> recipientIds) {
        Instant now = Instant.now();
        Stream.concat(Stream.of(new Connection(new ConnectionId(SENDER), new DisplayName("Ann"), now)),
                recipientIds.stream().map(id -> new Connection(new ConnectionId(id), new DisplayName("guest"), now)))
                .forEach(connection -> {
                    registry.register(connection);
                    rooms.join(RoomName.LOBBY, Member.of(connection), RoomLimit.DEFAULT);
                });
    }

    private static void report(Settings settings, List<ProbedFunction> functions, Map<String, List<ProbeRun>> results,
            PrintStream out) {
        out.printf("%-26s %8s %8s %8s %8s %8s %17s%n", "median (ms)", "jvm", "init", "prime", "invoke", "total",
                "total min-max");
        results.forEach((key, runs) -> {
            List<ProbeRun> answered = runs.stream().filter(ProbeRun::answered).toList();
            if (answered.isEmpty()) {
                return;
            }
            double[] range = Stats.range(answered.stream().map(ProbeRun::totalMillis).toList());
            out.printf("%-26s %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f-%-8.1f%n", key,
                    Stats.median(answered.stream().map(ProbeRun::jvmMillis).toList()),
                    Stats.median(answered.stream().map(ProbeRun::initMillis).toList()),
                    Stats.median(answered.stream().map(ProbeRun::primeMillis).toList()),
                    Stats.median(answered.stream().map(ProbeRun::invokeMillis).toList()),
                    Stats.median(answered.stream().map(ProbeRun::totalMillis).toList()),
                    range[0], range[1]);
        });
        results.forEach((key, runs) -> {
            List<ProbeRun> answered = runs.stream().filter(ProbeRun::answered).toList();
            if (answered.isEmpty() || answered.get(0).stepNanos().isEmpty()) {
                return;
            }
            String steps = answered.get(0).stepNanos().keySet().stream()
                    .map(step -> String.format("%s %.1f", step, Stats.median(answered.stream()
                            .map(run -> run.stepNanos().getOrDefault(step, 0L) / 1e6).toList())))
                    .collect(Collectors.joining(", "));
            out.printf("steps of %s, medians (ms): %s%n", key, steps);
        });
        // With no default variant measured, the plain empty function is unknown: NaN says so.
        ProbedFunction empty = functions.get(0);
        double emptyDefault = medianTotal(results, key(JvmSetting.named("default"), empty));
        for (JvmSetting variant : settings.variants()) {
            double emptyTotal = medianTotal(results, key(variant, empty));
            for (ProbedFunction function : functions.subList(1, functions.size())) {
                String key = key(variant, function);
                double total = medianTotal(results, key);
                out.printf("RESULT cold-start variant=%s function=%s total_ms=%.1f init_ms=%.1f invoke_ms=%.1f"
                                + " empty_total_ms=%.1f ratio=%.2f ratio_to_plain_empty=%.2f%n", variant.label(),
                        function.name(), total, median(results, key, ProbeRun::initMillis),
                        median(results, key, ProbeRun::invokeMillis), emptyTotal, total / emptyTotal,
                        total / emptyDefault);
            }
        }
    }

    private static double medianTotal(Map<String, List<ProbeRun>> results, String key) {
        return median(results, key, ProbeRun::totalMillis);
    }

    /** The median of one measure over the answered runs; NaN when none answered or none was made. */
    private static double median(Map<String, List<ProbeRun>> results, String key, ToDoubleFunction<ProbeRun> measure) {
        List<ProbeRun> runs = results.getOrDefault(key, List.of()).stream().filter(ProbeRun::answered).toList();
        return runs.isEmpty() ? Double.NaN : Stats.median(runs.stream().map(measure::applyAsDouble).toList());
    }
}
