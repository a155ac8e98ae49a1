package dev.parley.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.domain.model.ConnectionLimit;
import dev.parley.chat.domain.model.HistoryWindow;
import dev.parley.chat.domain.model.MessageRateLimit;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.local.gateway.CallbackThrottle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import dev.parley.chat.settings.aws.BroadcastQueueSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ParleyLocalCommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void givenHelp_launch_listsEveryOptionWithItsDefaultAndExits0() {
        assertThat(launch("--help")).hasValue(0);

        String help = out.toString(StandardCharsets.UTF_8);
        for (CommandLine.Option option : CommandLine.Option.values()) {
            assertThat(help).contains(option.flag + " " + option.value).contains("(default: " + option.byDefault + ")");
        }
        assertThat(help).contains("--port N", "--host", "--stage", "--rest-stage", "--dynamodb-endpoint", "--data-dir",
                "--table", "--region", "--idle-timeout", "--max-duration", "--callback-latency-ms", "--callback-rate",
                "--callback-burst", "--web-root", "--send-rate", "--send-burst", "--max-rooms-per-connection", "--help");
        assertThat(help).contains("--table NAME", "a DynamoDB table name: 3 to 255 characters", "(default: chatDetails)",
                "--send-rate PER_SECOND", "a number from 0.001 to 1000000, such as 10 or 0.5 (default: 10)",
                "--send-burst N", "a whole number from 1 to 1000000 (default: 20)",
                "--max-rooms-per-connection N", "a whole number from 1 to 1000 (default: 20)");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void givenANonLoopbackHost_exposureWarning_saysOtherMachinesReachItAndHowToTurnAuthorizationOn() {
        assertThat(LocalOptions.parse("--host", "0.0.0.0").exposureWarning()).hasValue("parley-local: warning: "
                + "listening on 0.0.0.0, which other machines can reach, not on loopback only; authorization is off, so "
                + "anyone who reaches it may connect, broadcast and send to any connection (--auth-secret and "
                + "--admin-key turn it on)");
        assertThat(LocalOptions.parse("--host", "::").exposureWarning()).hasValueSatisfying(
                warning -> assertThat(warning).startsWith("parley-local: warning: listening on ::, which other"));
    }

    @Test
    void givenALoopbackHost_exposureWarning_isEmpty() {
        assertThat(LocalOptions.parse().exposureWarning()).isEmpty();
        assertThat(LocalOptions.parse("--host", "localhost").exposureWarning()).isEmpty();
        assertThat(LocalOptions.parse("--host", "::1").exposureWarning()).isEmpty();
        assertThat(LocalOptions.parse("--host", "127.0.0.2").exposureWarning()).isEmpty();
    }

    @Test
    void givenUnknownOption_launch_saysSoAndExits2() {
        assertThat(launch("--prot", "8080")).hasValue(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option '--prot'", "--port", "--help");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void givenBadValues_launch_namesTheOptionAndExits2() {
        assertThat(launch("--port", "eighty")).hasValue(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--port eighty: not a whole number");
        assertThat(launch("--warm-up", "maybe")).hasValue(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--warm-up maybe: must be true or false");
    }

    @Test
    void givenAFunctionSettingOutOfRange_launch_namesTheOptionAndItsRangeAndExits2() {
        assertThat(launch("--send-burst", "0")).hasValue(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("parley-local: --send-burst must be a whole number from 1 to 1000000, not '0'");
    }

    @Test
    void givenBadValues_parse_explainsEachOne() {
        assertThatThrownBy(() -> LocalOptions.parse("--idle-timeout", "10x")).hasMessage(
                "--idle-timeout 10x: neither seconds nor an ISO-8601 duration such as PT10M");
        assertThatThrownBy(() -> LocalOptions.parse("--max-duration", "0")).hasMessageContaining("maximum duration must be positive");
        assertThatThrownBy(() -> LocalOptions.parse("--port")).hasMessage("--port needs a value: --port N");
        assertThatThrownBy(() -> LocalOptions.parse("--port", "70000")).hasMessageContaining("1 to 65535");
        assertThatThrownBy(() -> LocalOptions.parse("--callback-burst", "5")).hasMessage("--callback-burst needs --callback-rate");
        assertThatThrownBy(() -> LocalOptions.parse("--callback-rate", "-1")).hasMessage("--callback-rate -1: not a positive number");
        assertThatThrownBy(() -> LocalOptions.parse("--dynamodb-endpoint", "localhost:8000")).hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> LocalOptions.parse("--dynamodb-endpoint", "http://127.0.0.1:8000", "--data-dir", "data"))
                .hasMessageContaining("data dir");
        assertThatThrownBy(() -> LocalOptions.parse("--table", "x")).hasMessage("--table must be a DynamoDB table name:"
                + " 3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.', not 'x'");
        assertThatThrownBy(() -> LocalOptions.parse("--stage", "a/b")).hasMessageContaining("stage name");
        assertThatThrownBy(() -> LocalOptions.parse("--port", "1", "--port", "2")).hasMessage("--port is given twice");
        assertThatThrownBy(() -> LocalOptions.parse("8080")).hasMessageContaining("unknown option '8080'");
        assertThatThrownBy(() -> LocalOptions.parse("--send-rate", "fast"))
                .hasMessage("--send-rate must be a number from 0.001 to 1000000, such as 10 or 0.5, not 'fast'");
        assertThatThrownBy(() -> LocalOptions.parse("--send-rate", "0.0001"))
                .hasMessage("--send-rate must be a number from 0.001 to 1000000, such as 10 or 0.5, not '0.0001'");
        assertThatThrownBy(() -> LocalOptions.parse("--send-burst", "1000001"))
                .hasMessage("--send-burst must be a whole number from 1 to 1000000, not '1000001'");
        assertThatThrownBy(() -> LocalOptions.parse("--max-rooms-per-connection", "0"))
                .hasMessage("--max-rooms-per-connection must be a whole number from 1 to 1000, not '0'");
        assertThatThrownBy(() -> LocalOptions.parse("--broadcast-inline-limit", "-1"))
                .hasMessage("--broadcast-inline-limit must be a whole number from 0 to 100000, not '-1'");
        assertThatThrownBy(() -> LocalOptions.parse("--broadcast-page-size", "5001"))
                .hasMessage("--broadcast-page-size must be a whole number from 1 to 5000, not '5001'");
        assertThatThrownBy(() -> LocalOptions.parse("--broadcast-visibility-timeout", "0.5"))
                .hasMessageContaining("the visibility timeout is whole seconds from 1 s to 12 h");
        assertThatThrownBy(() -> LocalOptions.parse("--sqs-endpoint", "localhost:9324")).hasMessageContaining("http(s) URL");
    }

    @Test
    void givenNoOptions_parse_givesTheAwsLikeDefaults() {
        LocalOptions options = LocalOptions.parse();
        assertThat(options).isEqualTo(LocalOptions.defaults());
        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.stage()).isEqualTo("production");
        assertThat(options.restStage()).isEqualTo("dev");
        assertThat(options.table()).isEqualTo("chatDetails");
        assertThat(options.region()).isEqualTo("us-east-1");
        assertThat(options.idleTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(options.maxDuration()).isEqualTo(Duration.ofHours(2));
        assertThat(options.callbackThrottle()).isEmpty();
        assertThat(options.dynamoDbEndpoint()).isEmpty();
        assertThat(options.dataDir()).isEmpty();
        assertThat(options.sendRateLimit()).isEqualTo(new MessageRateLimit(10, 20));
        assertThat(options.roomLimit()).isEqualTo(new RoomLimit(20));
        assertThat(options.connectionLimit()).isEqualTo(new ConnectionLimit(5));
        assertThat(options.requireAuth()).isFalse();
        assertThat(options.historyWindow()).isEqualTo(new HistoryWindow(1_000, Duration.ofDays(7)));
        assertThat(options.broadcastQueue()).isEqualTo(new LocalBroadcastQueue(Optional.empty(),
                new BroadcastQueueSettings(2_000, 500), Duration.ofMinutes(9)));
    }

    @Test
    void givenEveryOption_parse_readsEachOne() {
        LocalOptions options = LocalOptions.parse("--port=0", "--host", "0.0.0.0", "--stage", "prod", "--rest-stage", "api",
                "--dynamodb-endpoint", "http://127.0.0.1:8000", "--table", "chats", "--region", "eu-west-1",
                "--idle-timeout", "1.5", "--max-duration", "PT1M", "--callback-latency-ms", "20",
                "--callback-rate", "100", "--web-root", "pages", "--send-rate", "0.5", "--send-burst", "3",
                "--max-rooms-per-connection", "5", "--max-connections-per-user", "2", "--require-auth", "true",
                "--history-window", "200", "--history-retention", "36h", "--sqs-endpoint", "http://127.0.0.1:9324",
                "--broadcast-inline-limit", "3", "--broadcast-page-size", "2", "--broadcast-visibility-timeout", "4",
                "--warm-up", "false");

        assertThat(options).isEqualTo(new LocalOptions("0.0.0.0", 0, "prod", "api",
                Optional.of(URI.create("http://127.0.0.1:8000")), Optional.empty(), "chats", "eu-west-1",
                Duration.ofMillis(1500), Duration.ofMinutes(1), Duration.ofMillis(20),
                Optional.of(new CallbackThrottle(100, 50)), Optional.of(Path.of("pages")), new MessageRateLimit(0.5, 3),
                new RoomLimit(5), new ConnectionLimit(2), new HistoryWindow(200, Duration.ofHours(36)), Optional.empty(),
                true, new LocalBroadcastQueue(Optional.of(URI.create("http://127.0.0.1:9324")),
                        new BroadcastQueueSettings(3, 2), Duration.ofSeconds(4)), false));
        assertThat(LocalOptions.parse("--callback-rate", "10", "--callback-burst", "3", "--data-dir", "data"))
                .satisfies(parsed -> {
                    assertThat(parsed.callbackThrottle()).hasValue(new CallbackThrottle(10, 3));
                    assertThat(parsed.dataDir()).hasValue(Path.of("data"));
                    assertThat(parsed.warmUp()).as("the command line warms up unless told not to").isTrue();
                });
    }

    private OptionalInt launch(String... args) {
        return ParleyLocal.launch(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
