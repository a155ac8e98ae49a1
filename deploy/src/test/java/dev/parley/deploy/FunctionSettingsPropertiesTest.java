package dev.parley.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.settings.ConnectionLimitSettings;
import dev.parley.chat.settings.HistoryWindowSettings;
import dev.parley.chat.settings.RoomSettings;
import dev.parley.chat.settings.Setting;
import dev.parley.chat.settings.aws.BroadcastQueueSettings;
import dev.parley.chat.settings.aws.CallbackSettings;
import dev.parley.chat.settings.aws.ConnectAuthSettings;
import dev.parley.chat.settings.dynamodb.HistorySettings;
import dev.parley.chat.settings.dynamodb.TableSettings;
import dev.parley.chat.wiring.ChatConfiguration;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The settings a deployment chooses for the functions: whatever text the context gives one, the stack accepts it
 * exactly when the functions would, and the environment it writes configures them as that text would.
 */
class FunctionSettingsPropertiesTest {

    private static final Path HERE = Path.of("");
    /** What the stack sets from its own resources and its authorizer, and Lambda from the function's region. */
    private static final Map<String, String> DEPLOYED = Map.of(
            "AWS_REGION", "eu-west-1",
            ConnectAuthSettings.REQUIRE_AUTH.variable(), "true",
            "ALLOWED_ORIGIN", "https://d111111abcdef8.cloudfront.net",
            ChatConfiguration.CALLBACK_URL_VARIABLE, "https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/production");

    private static Map<String, Object> artifacts;

    @BeforeContainer
    static void createArtifacts() {
        Path directory = Path.of("target", "settings-properties").toAbsolutePath();
        artifacts = Map.of(
                DeploySettings.WEB_ROOT, SynthesizedParley.webRoot(directory.resolve("web")).toString(),
                DeploySettings.LAMBDA_JAR, SynthesizedParley.lambdaJar(directory.resolve("chat-lambda.jar")).toString());
    }

    @Property(tries = 2000)
    void anyContextValue_isAcceptedByTheStackIffByTheFunctions_andConfiguresThemAsTheValueWould(
            @ForAll("deployedSettings") Setting<?> setting, @ForAll("values") String value) {
        String key = setting.contextKey().orElseThrow();
        Map<String, Object> context = new HashMap<>(artifacts);
        context.put(key, value);
        Map<String, String> functionEnvironment = new HashMap<>(DEPLOYED);
        functionEnvironment.put(setting.variable(), value);

        Optional<DeploySettings> deployed = accepted(() -> DeploySettings.fromContext(context::get, HERE));
        Optional<ChatConfiguration> configured = accepted(() -> ChatConfiguration.fromEnvironment(functionEnvironment));

        assertThat(deployed.isPresent()).as("the stack accepts %s='%s'", key, value).isEqualTo(configured.isPresent());
        deployed.ifPresent(settings -> {
            Map<String, String> written = new HashMap<>(DEPLOYED);
            written.putAll(settings.functionEnvironment());
            assertThat(ChatConfiguration.fromEnvironment(written)).as("configured by %s='%s'", key, value)
                    .isEqualTo(configured.orElseThrow());
        });
    }

    @Provide
    Arbitrary<Setting<?>> deployedSettings() {
        return Arbitraries.<Setting<?>>of(TableSettings.TABLE_NAME, TableSettings.ROOMS_TABLE_NAME,
                TableSettings.ACTIVE_SHARDS, TableSettings.CONNECTION_RETENTION_DAYS, CallbackSettings.RATE_PER_SECOND,
                CallbackSettings.BURST, RoomSettings.MAX_ROOMS_PER_CONNECTION,
                ConnectionLimitSettings.MAX_CONNECTIONS_PER_USER, ConnectAuthSettings.REQUIRE_AUTH,
                HistorySettings.HISTORY_TABLE_NAME, HistoryWindowSettings.HISTORY_WINDOW, HistoryWindowSettings.HISTORY_RETENTION,
                BroadcastQueueSettings.BROADCAST_INLINE_LIMIT, BroadcastQueueSettings.BROADCAST_PAGE_SIZE);
    }

    /** Numbers about every range's ends, table names about DynamoDB's rule, and anything else. */
    @Provide
    Arbitrary<String> values() {
        Arbitrary<String> nearTheEnds = Arbitraries.of(-1, 0, 1, 2, 20, 255, 256, 257, 300, 1_000, 1_001, 999_999, 1_000_000, 1_000_001,
                        Integer.MAX_VALUE)
                .map(String::valueOf);
        Arbitrary<String> wholeNumbers = Arbitraries.integers().map(String::valueOf);
        Arbitrary<String> oddNumbers = Arbitraries.of("", " ", " 7 ", "+8", "007", "-0", "2.5", "1e3", "4.0", "NaN",
                "2147483648", "99999999999");
        Arbitrary<String> tableNames = Arbitraries.strings().withChars("aZ09_.-/ ").ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> longTableNames = Arbitraries.of("a".repeat(255), "a".repeat(256));
        Arbitrary<String> booleans = Arbitraries.of("true", "false", "TRUE", " False ", "yes", "1", "");
        Arbitrary<String> anything = Arbitraries.strings().ofMaxLength(12);
        return Arbitraries.oneOf(nearTheEnds, wholeNumbers, oddNumbers, tableNames, longTableNames, booleans, anything);
    }

    private static <T> Optional<T> accepted(Supplier<T> reading) {
        try {
            return Optional.of(reading.get());
        } catch (IllegalArgumentException refused) {
            return Optional.empty();
        }
    }
}
