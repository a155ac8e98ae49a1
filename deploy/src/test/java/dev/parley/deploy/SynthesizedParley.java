package dev.parley.deploy;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.parley.chat.adapter.in.lambda.authorizer.AuthorizerHandler;
import dev.parley.chat.adapter.in.lambda.authorizer.BroadcastAuthorizerHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

/**
 * The Parley stack synthesized as {@code cdk synth} would (the feature flags of {@code cdk.json}, the AwsSolutions
 * checks), with a temporary web root and Lambda artifact, so no other module has to be built. Synthesis costs
 * seconds: it happens in {@code @BeforeAll}, and the default stack once for all test classes.
 */
final class SynthesizedParley {

    private static final Path FIXTURES = Path.of("target", "synthesized");

    private static SynthesizedParley defaults;

    final Map<String, Object> template;
    final Template assertions;
    final Path outdir;
    private final String stackName;

    private SynthesizedParley(CloudFormationStackArtifact stack, Path outdir) {
        this.template = JsonTree.map(stack.getTemplate());
        this.assertions = Template.fromJSON(template);
        this.outdir = outdir;
        this.stackName = stack.getStackName();
    }

    /** The synth's messages of {@code type} ({@code aws:cdk:error}, {@code aws:cdk:warning}), as "path: text". */
    List<String> messages(String type) {
        return messages(outdir, stackName, type);
    }

    /** The messages of {@code type} that the synth into {@code outdir} recorded for {@code stackName}. */
    static List<String> messages(Path outdir, String stackName, String type) {
        try {
            Map<String, Object> metadata = JSON.std.mapFrom(Files.readString(outdir.resolve(stackName + ".metadata.json")));
            List<String> messages = new ArrayList<>();
            metadata.forEach((path, entries) -> JsonTree.list(entries).stream()
                    .map(JsonTree::map)
                    .filter(entry -> type.equals(entry.get("type")))
                    .forEach(entry -> messages.add(path + ": " + entry.get("data"))));
            return messages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stack with every setting at its default, synthesized once for all the test classes that read it. */
    static synchronized SynthesizedParley defaults() {
        if (defaults == null) {
            defaults = synthesize("defaults", Map.of());
        }
        return defaults;
    }

    /** Synthesizes into {@code target/synthesized/<name>} with {@code context} over the defaults. */
    static SynthesizedParley synthesize(String name, Map<String, String> context) {
        Path directory = FIXTURES.resolve(name).toAbsolutePath();
        Path outdir = directory.resolve("cdk.out");
        Map<String, Object> appContext = new HashMap<>(cdkJsonContext());
        appContext.put(DeploySettings.WEB_ROOT, webRoot(directory.resolve("web")).toString());
        appContext.put(DeploySettings.LAMBDA_JAR, lambdaJar(directory.resolve("chat-lambda.jar")).toString());
        appContext.putAll(context);

        App app = new App(AppProps.builder().context(appContext).outdir(outdir.toString()).build());
        ParleyStack stack = ParleyApp.stack(app, DeploySettings.fromContext(app.getNode()::tryGetContext, Path.of("")));
        return new SynthesizedParley(app.synth().getStackByName(stack.getStackName()), outdir);
    }

    /** Parley's own functions (not CDK's bucket-deployment function), logical id by handler string. */
    Map<String, String> functionIdsByHandler() {
        Map<String, String> byHandler = new TreeMap<>();
        JsonTree.resources(template, "AWS::Lambda::Function").forEach((logicalId, function) -> {
            String handler = (String) JsonTree.at(function, "Properties", "Handler");
            if (handler.startsWith("dev.parley.")) {
                byHandler.put(handler, logicalId);
            }
        });
        return byHandler;
    }

    /** The functions of the chat's routes and the broadcast, which read {@code ChatConfiguration}: all but the authorizers. */
    Map<String, String> chatFunctionIdsByHandler() {
        Map<String, String> byHandler = new TreeMap<>(functionIdsByHandler());
        byHandler.remove(AuthorizerHandler.HANDLER);
        byHandler.remove(BroadcastAuthorizerHandler.HANDLER);
        return byHandler;
    }

    Map<String, Object> resource(String logicalId) {
        return JsonTree.map(JsonTree.map(template.get("Resources")).get(logicalId));
    }

    /** The logical id of the DynamoDB table named {@code tableName}. */
    String tableId(String tableName) {
        return JsonTree.resources(template, "AWS::DynamoDB::Table").entrySet().stream()
                .filter(table -> tableName.equals(JsonTree.at(table.getValue(), "Properties", "TableName")))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no table named " + tableName));
    }

    /** The logical id of the only resource of {@code type}. */
    String logicalIdOf(String type) {
        return JsonTree.single(template, type).getKey();
    }

    /** The context of {@code cdk.json}: the feature flags the CLI passes to the app. */
    static Map<String, Object> cdkJsonContext() {
        return JsonTree.map(cdkJson().get("context"));
    }

    static Map<String, Object> cdkJson() {
        try {
            return JSON.std.mapFrom(Files.readString(Path.of("cdk.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A web root holding only an index page, as the chat-web module will. */
    static Path webRoot(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(DeploySettings.INDEX_PAGE), "<!doctype html><title>Parley</title>",
                    StandardCharsets.UTF_8);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stand-in for chat-lambda.jar: the stack only uploads it, so any archive will do. */
    static Path lambdaJar(Path jar) {
        try {
            Files.createDirectories(jar.getParent());
            try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
                zip.putNextEntry(new ZipEntry("placeholder.txt"));
                zip.write("not the real handlers".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
