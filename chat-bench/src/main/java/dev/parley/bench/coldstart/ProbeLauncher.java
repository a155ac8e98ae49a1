package dev.parley.bench.coldstart;

import dev.parley.bench.coldstart.probe.ColdStartProbe;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Starts probe JVMs with the function's environment and reads their one line of timings. */
final class ProbeLauncher {

    private static final Pattern PROBE_LINE = Pattern.compile(
            "PROBE jvm_ns=(\\d+) init_ns=(\\d+) prime_ns=(\\d+) invoke_ns=(\\d+) status=(\\d+) body=(.*)");
    /** A step the handler timed itself, in its answer's body: {@code "getItem_ns":41234567}. */
    private static final Pattern STEP = Pattern.compile("\"([A-Za-z]+)_ns\":(\\d+)");
    private static final long PROBE_TIMEOUT_SECONDS = 60;
    private static final String ARCHIVE_NOT_USED = "Unable to use shared archive";

    private final boolean pinToOneCore;
    private final List<String> extraJvmOptions;
    private final Map<String, String> functionEnvironment;

    ProbeLauncher(boolean pinToOneCore, List<String> extraJvmOptions, Map<String, String> functionEnvironment) {
        this.pinToOneCore = pinToOneCore;
        this.extraJvmOptions = extraJvmOptions;
        this.functionEnvironment = functionEnvironment;
    }

    /** One probe run; its timings, or why it failed. */
    ProbeRun probe(ProbedFunction function, JvmSetting setting, List<String> jvmFlags)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (pinToOneCore) {
            command.addAll(List.of("taskset", "-c", "0"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(extraJvmOptions);
        command.addAll(List.of("-cp", function.classpath().value(), ColdStartProbe.class.getName(),
                function.handlerClass(), function.sender(), setting.prime() ? "prime" : "cold"));
        // The spawn time goes last, taken as late as possible.
        command.add("");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        builder.environment().clear();
        builder.environment().putAll(environment());
        command.set(command.size() - 1, Long.toString(System.nanoTime()));
        builder.command(command);
        Process process = builder.start();
        List<String> lines;
        String errors;
        try (var stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            lines = stdout.lines().toList();
            if (!process.waitFor(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return ProbeRun.failed("no exit within " + PROBE_TIMEOUT_SECONDS + " s");
            }
            errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        // The JVM warns on standard output when it cannot use an archive, and then runs without it.
        Optional<String> unusedArchive = lines.stream().filter(line -> line.contains(ARCHIVE_NOT_USED)).findFirst();
        if (unusedArchive.isPresent()) {
            return ProbeRun.failed("the class-data sharing archive was not used: " + unusedArchive.get());
        }
        return parse(function, lines.stream().filter(line -> line.startsWith("PROBE ")).findFirst().orElse(null),
                errors);
    }

    /** A training run that writes the class-data sharing archive of everything {@code function}'s cold start loads. */
    void train(ProbedFunction function, Path archive) throws IOException, InterruptedException {
        if (!function.classpath().onlyJars()) {
            throw new IllegalArgumentException("class-data sharing needs a classpath of jars only: give --lambda-jar"
                    + " and --probe-jar");
        }
        Files.deleteIfExists(archive);
        ProbeRun training = probe(function, JvmSetting.named("default"),
                List.of("-XX:ArchiveClassesAtExit=" + archive.toAbsolutePath()));
        if (!training.answered() || !Files.isRegularFile(archive)) {
            throw new IllegalStateException("the training run for " + function.name() + " wrote no archive: "
                    + training.failure());
        }
    }

    private Map<String, String> environment() {
        // Only what Lambda sets: nothing of the developer's AWS configuration may leak into the probe.
        Map<String, String> environment = new HashMap<>(functionEnvironment);
        environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("AWS_CONFIG_FILE", "/nonexistent/parley-probe/config");
        environment.put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/parley-probe/credentials");
        return environment;
    }

    private static ProbeRun parse(ProbedFunction function, String line, String errors) {
        Matcher probe = line == null ? null : PROBE_LINE.matcher(line);
        if (probe == null || !probe.matches()) {
            return ProbeRun.failed("no PROBE line (got " + line + "); stderr: " + errors.strip());
        }
        int status = Integer.parseInt(probe.group(5));
        String body = probe.group(6);
        Optional<String> wrong = status != function.status()
                ? Optional.of("status " + status + ", body " + body + "; stderr: " + errors.strip())
                : function.bodyContains().stream().filter(part -> !body.contains(part)).findFirst()
                        .map(missing -> "the answer lacks " + missing + ": " + body);
        Map<String, Long> steps = new LinkedHashMap<>();
        Matcher step = STEP.matcher(body);
        while (step.find()) {
            steps.put(step.group(1), Long.parseLong(step.group(2)));
        }
        return new ProbeRun(Long.parseLong(probe.group(1)), Long.parseLong(probe.group(2)),
                Long.parseLong(probe.group(3)), Long.parseLong(probe.group(4)), steps, wrong);
    }
}
