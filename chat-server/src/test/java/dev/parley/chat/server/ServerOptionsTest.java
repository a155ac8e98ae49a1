package dev.parley.chat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.auth.TokenRules;
import dev.parley.chat.domain.model.ConnectionLimit;
import dev.parley.chat.domain.model.HistoryWindow;
import dev.parley.chat.domain.model.MessageRateLimit;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.settings.InvalidSettingException;
import dev.parley.chat.wiring.domain.DomainSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerOptionsTest {

    @Test
    void withoutArgumentsTheDefaultsHold() {
        ServerOptions defaults = ServerOptions.parse();

        assertThat(defaults.host()).isEqualTo("127.0.0.1");
        assertThat(defaults.port()).isEqualTo(8080);
        assertThat(defaults.signingSecretFile()).isEmpty();
        assertThat(defaults.tokenRules()).isEqualTo(new TokenRules("parley", Duration.ofHours(24)));
        assertThat(defaults.domain()).isEqualTo(new DomainSettings(MessageRateLimit.DEFAULT, RoomLimit.DEFAULT,
                ConnectionLimit.DEFAULT, HistoryWindow.DEFAULT));
        assertThat(defaults.dynamoDb()).isEmpty();
    }

    @Test
    void aDynamoDbEndpoint_keepsTheStateThere_inTheDefaultTableAndRegion() {
        assertThat(ServerOptions.parse("--dynamodb-endpoint", "http://127.0.0.1:8000").dynamoDb()).contains(
                new DynamoDbOptions(Optional.of(URI.create("http://127.0.0.1:8000")), "us-east-1", "chatDetails"));
    }

    @Test
    void aTableWithoutAnEndpoint_isAwsDynamoDbInTheRegionGiven() {
        assertThat(ServerOptions.parse("--table", "parley-chat", "--region", "eu-west-1").dynamoDb())
                .contains(new DynamoDbOptions(Optional.empty(), "eu-west-1", "parley-chat"));
    }

    @Test
    void aRegionAlone_orAnEndpointThatIsNoHttpUrl_isNamed() {
        assertThatThrownBy(() -> ServerOptions.parse("--region", "eu-west-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--region is DynamoDB's: give --dynamodb-endpoint or --table too");
        assertThatThrownBy(() -> ServerOptions.parse("--dynamodb-endpoint", "localhost:8000"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--dynamodb-endpoint must be an http or https URL such as http://127.0.0.1:8000, "
                        + "not 'localhost:8000'");
        assertThatThrownBy(() -> ServerOptions.parse("--dynamodb-endpoint", "http://[::1"))
                .hasMessageStartingWith("--dynamodb-endpoint must be an http or https URL");
    }

    @Test
    void everyOptionIsRead() {
        ServerOptions options = ServerOptions.parse("--host", "0.0.0.0", "--port", "9000", "--signing-secret-file",
                "/run/secret", "--token-audience", "intranet", "--token-max-lifetime", "2h", "--outbox-frames", "64",
                "--send-rate", "0.5", "--send-burst", "3", "--max-rooms-per-connection", "5",
                "--max-connections-per-user=2", "--history-window", "200", "--history-retention", "90m");

        assertThat(options).isEqualTo(new ServerOptions("0.0.0.0", 9000, Optional.of(Path.of("/run/secret")),
                new TokenRules("intranet", Duration.ofHours(2)), 64, new DomainSettings(new MessageRateLimit(0.5, 3),
                        new RoomLimit(5), new ConnectionLimit(2), new HistoryWindow(200, Duration.ofMinutes(90))), Optional.empty()));
    }

    @Test
    void aWrongOptionIsNamed() {
        assertThatThrownBy(() -> ServerOptions.parse("--port", "eighty")).hasMessage(
                "--port must be a whole number, not 'eighty'");
        assertThatThrownBy(() -> ServerOptions.parse("--port", "70000")).hasMessageContaining("0 to 65535");
        assertThatThrownBy(() -> ServerOptions.parse("--verbose", "yes")).hasMessage(
                "unknown option '--verbose'; see --help");
        assertThatThrownBy(() -> ServerOptions.parse("--port")).hasMessage("--port needs a value");
        assertThatThrownBy(() -> ServerOptions.parse("--port", "1", "--port", "2")).hasMessage(
                "--port is given twice");
        assertThatThrownBy(() -> ServerOptions.parse("--outbox-frames", "0")).hasMessageContaining("1 or more");
    }

    @Test
    void aSettingOutOfItsRangeIsRefusedByItsOwner_inChatLocalsWords() {
        assertThatThrownBy(() -> ServerOptions.parse("--max-rooms-per-connection", "0"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("--max-rooms-per-connection must be a whole number from 1 to 1000, not '0'");
        assertThatThrownBy(() -> ServerOptions.parse("--send-rate", "1e3"))
                .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("--send-rate must be a number");
        assertThatThrownBy(() -> ServerOptions.parse("--history-retention", "366d"))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("from 1m to 365d");
        assertThatThrownBy(() -> ServerOptions.parse("--token-max-lifetime", "forever"))
                .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("--token-max-lifetime must be");
    }

    @Test
    void theHelpNamesEveryOptionWithItsDefaultAndRange() {
        assertThat(ServerOptions.HELP).contains("--host", "--port", "--signing-secret-file", "--outbox-frames",
                "--help", "One node only");
        assertThat(ServerOptions.HELP).containsPattern(
                "--max-rooms-per-connection N +.*a whole number from 1 to 1000 \\(default: 20\\)");
        assertThat(ServerOptions.HELP).containsPattern("--history-retention DURATION +.*from 1m to 365d \\(default: 7d\\)");
        assertThat(ServerOptions.HELP).contains("--send-rate PER_SECOND", "--send-burst N",
                "--max-connections-per-user N", "--history-window MESSAGES", "--token-audience AUDIENCE",
                "--token-max-lifetime DURATION", "--dynamodb-endpoint URL", "--table NAME", "--region REGION");
    }
}
