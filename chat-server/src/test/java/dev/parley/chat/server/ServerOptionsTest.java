package dev.parley.chat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerOptionsTest {

    @Test
    void withoutArgumentsTheDefaultsHold() {
        assertThat(ServerOptions.parse()).isEqualTo(ServerOptions.defaults());
        assertThat(ServerOptions.defaults().host()).isEqualTo("127.0.0.1");
        assertThat(ServerOptions.defaults().port()).isEqualTo(8080);
        assertThat(ServerOptions.defaults().signingSecretFile()).isEmpty();
    }

    @Test
    void everyOptionIsRead() {
        ServerOptions options = ServerOptions.parse("--host", "0.0.0.0", "--port", "9000", "--signing-secret-file",
                "/run/secret", "--token-audience", "intranet", "--outbox-frames", "64");

        assertThat(options).isEqualTo(new ServerOptions("0.0.0.0", 9000, Optional.of(Path.of("/run/secret")),
                "intranet", 64));
    }

    @Test
    void aWrongOptionIsNamed() {
        assertThatThrownBy(() -> ServerOptions.parse("--port", "eighty")).hasMessage(
                "--port must be a whole number, not 'eighty'");
        assertThatThrownBy(() -> ServerOptions.parse("--port", "70000")).hasMessageContaining("0 to 65535");
        assertThatThrownBy(() -> ServerOptions.parse("--verbose", "yes")).hasMessage(
                "unknown option '--verbose'; see --help");
        assertThatThrownBy(() -> ServerOptions.parse("--port")).hasMessage("--port needs a value");
        assertThatThrownBy(() -> ServerOptions.parse("--outbox-frames", "0")).hasMessageContaining("1 or more");
    }

    @Test
    void theHelpNamesEveryOption() {
        assertThat(ServerOptions.HELP).contains("--host", "--port", "--signing-secret-file", "--token-audience",
                "--outbox-frames", "--help", "One node only");
    }
}
