package dev.parley.bench.coldstart;

import dev.parley.bench.LocalChatTable;
import dev.parley.bench.Options;
import dev.parley.bench.Stats;
import dev.parley.bench.coldstart.probe.EmptyHandler;
import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.lambda.SendMessageHandler;
import dev.parley.local.LocalGateway;
import dev.parley.local.RouteTable;
import dev.parley.local.VirtualConnections;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Goal 2: the cold start of {@code SendMessageHandler} against chat-local's {@code @connections} and dynalite, next
 * to an empty Java handler, each in fresh JVMs pinned to one core, under each JVM setting asked for. The runs of all
 * settings and both handlers are interleaved, so a change in the machine's load touches them alike.
 */
public final class ColdStartBenchmark {

    static final String SENDER = "coldSender0001=";
    static final Set<String> OPTIONS = Set.of("runs", "variants", "lambda-jar", "probe-jar", "recipients",
            "work-dir", "cpu", "jvm-options");

    private ColdStartBenchmark() {}

    /** What to measure; see {@code bench/cold-start.sh} for the options. */
    record Settings(int runs, List<JvmSetting> variants, ProbeClasspath classpath, Optional<Path> lambdaJar,
            int recipients, Path workDir, boolean pinToOneCore, List<String> jvmOptions) {

        static Settings from(Options options) {
            List<JvmSetting> variants = Arrays.stream(options.text("variants", "default").split(","))
                    .map(JvmSetting::named).toList();
            Optional<Path> lambdaJar = Optional.of(options.text("lambda-jar", "")).filter(path -> !path.isEmpty())
                    .map(Path::of);
            Path workDir = Path.of(options.text("work-dir", "target/cold-start"));
            ProbeClasspath classpath = lambdaJar
                    .map(jar -> ProbeClasspath.copyOf(Path.of(options.text("probe-jar", "")), jar, workDir.resolve("jars")))
                    .orElseGet(ProbeClasspath::ofThisJvm);
            if (lambdaJar.isEmpty() && variants.stream().anyMatch(variant -> variant.cds() || variant.crtLibrary())) {
                throw new IllegalArgumentException("the cds and crtlib settings need --lambda-jar and --probe-jar");
            }
            return new Settings(options.integer("runs", 20, 1), variants, classpath, lambdaJar,
                    options.integer("recipients", 10, 0), workDir,
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
        VirtualConnections recipients = VirtualConnections.of(recipientIds);
        Files.createDirectories(settings.workDir());
        try (LocalChatTable table = LocalChatTable.start("chatDetails");
                LocalGateway gateway = LocalGateway.builder()
                        .routes(urls -> RouteTable.builder().build())
                        .virtualConnections(recipients)
                        .console(line -> { })
                        .start()) {
            registerRoom(table.registry(), recipientIds);
            var launcher = new ProbeLauncher(settings.classpath(), settings.pinToOneCore(), settings.jvmOptions(), Map.of(
                    "TABLE_NAME", table.tableName(),
                    "AWS_REGION", LocalChatTable.REGION.id(),
                    "WEBSOCKET_CALLBACK_URL", gateway.urls().callback().toString(),
                    "DYNAMODB_ENDPOINT", table.endpoint().toString(),
                    "AWS_ACCESS_KEY_ID", "local",
                    "AWS_SECRET_ACCESS_KEY", "local"));
            List<ProbedFunction> functions = List.of(
                    new ProbedFunction("empty", EmptyHandler.class.getName(), 200, ""),
                    new ProbedFunction("parley", SendMessageHandler.class.getName(), 200,
                            "\"type\":\"ack\"", "\"recipients\":" + settings.recipients()));
            out.printf("cold start, %d runs per variant, %s, one sendMessage to %d recipients; JVM: %s%n",
                    settings.runs(), settings.pinToOneCore() ? "pinned to CPU 0 (taskset -c 0)" : "any CPU",
                    settings.recipients(), Runtime.version());

            Path crtLibraryFolder = settings.workDir().resolve("native");
            if (settings.variants().stream().anyMatch(JvmSetting::crtLibrary)) {
                CrtLibrary.extract(settings.lambdaJar().orElseThrow(), crtLibraryFolder);
            }
            Map<String, List<String>> flags = new LinkedHashMap<>();
            int trainingRuns = 0;
            for (ProbedFunction function : functions) {
                Path archive = settings.workDir().resolve(function.name() + ".jsa");
                if (settings.variants().stream().anyMatch(JvmSetting::cds)) {
                    launcher.train(function, archive);
                    trainingRuns += function.name().equals("parley") ? 1 : 0;
                }
                for (JvmSetting variant : settings.variants()) {
                    flags.put(key(variant, function), variant.flags(archive, crtLibraryFolder));
                }
            }

            Map<String, List<ProbeRun>> results = new LinkedHashMap<>();
            for (int run = 1; run <= settings.runs(); run++) {
                for (JvmSetting variant : settings.variants()) {
                    for (ProbedFunction function : functions) {
                        ProbeRun probe = launcher.probe(function, variant, flags.get(key(variant, function)), SENDER);
                        if (!probe.answered()) {
                            out.println("FAILED " + key(variant, function) + ": " + probe.failure());
                        }
                        results.computeIfAbsent(key(variant, function), k -> new ArrayList<>()).add(probe);
                    }
                }
            }
            report(settings, functions, results, out);
            int expectedCopies = settings.runs() * settings.variants().size() + trainingRuns;
            boolean everyCopy = recipientIds.stream().allMatch(id -> recipients.copiesTo(id) == expectedCopies);
            out.printf("every recipient got one copy per parley run (%d): %s%n", expectedCopies,
                    everyCopy ? "yes" : "NO " + recipients.tally());
            if (!everyCopy) {
                results.put("copies", List.of(ProbeRun.failed("recipients did not get one copy per run")));
            }
            return results;
        }
    }

    private static String key(JvmSetting variant, ProbedFunction function) {
        return variant.label() + " " + function.name();
    }

    private static void registerRoom(ConnectionRegistry registry, List<String> recipientIds) {
        Instant now = Instant.now();
        registry.register(new Connection(new ConnectionId(SENDER), new DisplayName("Ann"), now));
        recipientIds.forEach(id -> registry.register(new Connection(new ConnectionId(id), new DisplayName("guest"), now)));
    }

    private static void report(Settings settings, List<ProbedFunction> functions, Map<String, List<ProbeRun>> results,
            PrintStream out) {
        out.printf("%-24s %8s %8s %8s %8s %8s %17s%n", "median (ms)", "jvm", "init", "prime", "invoke", "total",
                "total min-max");
        results.forEach((key, runs) -> {
            List<ProbeRun> answered = runs.stream().filter(ProbeRun::answered).toList();
            if (answered.isEmpty()) {
                return;
            }
            double[] range = Stats.range(answered.stream().map(ProbeRun::totalMillis).toList());
            out.printf("%-24s %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f-%-8.1f%n", key,
                    Stats.median(answered.stream().map(ProbeRun::jvmMillis).toList()),
                    Stats.median(answered.stream().map(ProbeRun::initMillis).toList()),
                    Stats.median(answered.stream().map(ProbeRun::primeMillis).toList()),
                    Stats.median(answered.stream().map(ProbeRun::invokeMillis).toList()),
                    Stats.median(answered.stream().map(ProbeRun::totalMillis).toList()),
                    range[0], range[1]);
        });
        // With no default variant measured, the plain empty function is unknown: NaN says so.
        double emptyDefault = medianTotal(results, key(JvmSetting.named("default"), functions.get(0)));
        for (JvmSetting variant : settings.variants()) {
            double parley = medianTotal(results, key(variant, functions.get(1)));
            double empty = medianTotal(results, key(variant, functions.get(0)));
            double parleyInvoke = median(results, key(variant, functions.get(1)), ProbeRun::invokeMillis);
            out.printf("RESULT cold-start variant=%s parley_total_ms=%.1f parley_invoke_ms=%.1f empty_total_ms=%.1f"
                            + " ratio=%.2f ratio_to_plain_empty=%.2f%n", variant.label(), parley, parleyInvoke, empty,
                    parley / empty, parley / emptyDefault);
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
