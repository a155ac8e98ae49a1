package dev.parley.chat.adapter.in.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.adapter.in.lambda.authorizer.AuthorizerHandler;
import dev.parley.chat.auth.HandMadeTokens;
import dev.parley.chat.auth.MintToken;
import dev.parley.chat.auth.Principal;
import dev.parley.chat.auth.SigningKey;
import dev.parley.chat.auth.TokenRules;
import dev.parley.chat.auth.TokenVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** The deployable jar holds the authorizer, and mints tokens exactly as the documentation shows. */
class MintTokenArtifactIT {

    private static final Path ARTIFACT = Path.of(System.getProperty("parley.lambda.artifact", "target/chat-lambda.jar"));

    /** How a run of the command line ended. */
    record Run(int status, String output) {}

    @Test
    void givenTheShadedJar_entries_holdTheAuthorizerItsComponentAndTheSecretsManagerClient() throws IOException {
        List<String> entries;
        try (JarFile jar = new JarFile(ARTIFACT.toFile())) {
            entries = jar.stream().map(ZipEntry::getName).toList();
        }

        assertThat(entries).contains(
                AuthorizerHandler.HANDLER.substring(0, AuthorizerHandler.HANDLER.indexOf("::")).replace('.', '/') + ".class",
                "dev/parley/chat/auth/MintToken.class",
                "dev/parley/chat/wiring/DaggerAuthComponent.class",
                "software/amazon/awssdk/services/secretsmanager/SecretsManagerClient.class");
    }

    @Test
    void givenSecretInTheEnvironment_mintTokenFromTheJar_printsATokenTheAuthorizerAccepts() throws Exception {
        Run run = mintToken(Map.of(MintToken.SECRET_VARIABLE, HandMadeTokens.SECRET),
                "--user", "user-42", "--name", "Ada", "--ttl", "1h");

        assertThat(run.status()).isZero();
        assertThat(new TokenVerifier(SigningKey.fromText(HandMadeTokens.SECRET), Clock.systemUTC(), TokenRules.DEFAULT).verify(run.output().strip()))
                .isEqualTo(new Principal(new UserId("user-42"), new DisplayName("Ada")));
    }

    @Test
    void givenNoSecret_mintTokenFromTheJar_printsNothingAndExits2() throws Exception {
        Run run = mintToken(Map.of(), "--user", "user-42", "--name", "Ada");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.output()).isEmpty();
    }

    /** {@code java -cp chat-lambda.jar dev.parley.chat.auth.MintToken ARGS} with {@code environment} added. */
    private static Run mintToken(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", ARTIFACT.toString(), MintToken.class.getName()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove(MintToken.SECRET_VARIABLE);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output;
        try (var stdout = process.getInputStream()) {
            output = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("MintToken ends").isTrue();
        return new Run(process.exitValue(), output);
    }
}
