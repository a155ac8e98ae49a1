package dev.parley.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.adapter.out.apigateway.CallbackRate;
import dev.parley.chat.domain.model.ConnectionLimit;
import dev.parley.chat.domain.model.HistoryWindow;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.settings.aws.BroadcastQueueSettings;
import dev.parley.chat.settings.dynamodb.HistorySettings;
import dev.parley.chat.settings.dynamodb.TableSettings;
import dev.parley.chat.auth.TokenRules;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awscdk.RemovalPolicy;

/** Reading the deployment's choices from the CDK context. */
class DeploySettingsTest {

    private static final Path HERE = Path.of("");

    private static Path webRoot;
    private static Path lambdaJar;

    @BeforeAll
    static void createArtifacts() {
        Path directory = Path.of("target", "settings").toAbsolutePath();
        webRoot = SynthesizedParley.webRoot(directory.resolve("web"));
        lambdaJar = SynthesizedParley.lambdaJar(directory.resolve("chat-lambda.jar"));
    }

    @Test
    void givenOnlyTheArtifacts_fromContext_takesTheTutorialsNamesAndTheDefaults() {
        DeploySettings settings = DeploySettings.fromContext(context(Map.of())::get, HERE);

        assertThat(settings).isEqualTo(new DeploySettings("production", "dev",
                new TableSettings("chatDetails", "chatRooms", 4, 30), 1024, new CallbackRate(10_000, 5_000),
                new RoomLimit(20), new ConnectionLimit(5), HistorySettings.DEFAULT, BroadcastQueueSettings.DEFAULT,
                RemovalPolicy.RETAIN, true, true,
                TokenRules.DEFAULT, lambdaJar, webRoot));
    }

    @Test
    void givenEverySetting_fromContext_takesThemAll() {
        DeploySettings settings = DeploySettings.fromContext(context(Map.ofEntries(
                Map.entry(DeploySettings.WEBSOCKET_STAGE, "live"),
                Map.entry(DeploySettings.BROADCAST_STAGE, "ops_1"),
                Map.entry("tableName", "parley-chat"),
                Map.entry("roomsTableName", "parley-rooms"),
                Map.entry("connectionRetentionDays", " 7 "),
                Map.entry(DeploySettings.MEMORY_SIZE, "2048"),
                Map.entry("activeShards", "8"),
                Map.entry("callbackRatePerSecond", "2500"),
                Map.entry("callbackBurst", "1250"),
                Map.entry("maxRoomsPerConnection", "50"),
                Map.entry("maxConnectionsPerUser", "2"),
                Map.entry("historyTableName", "parley-history"),
                Map.entry("historyWindow", "250"),
                Map.entry("historyRetention", "3d"),
                Map.entry("broadcastInlineLimit", "100"),
                Map.entry("broadcastPageSize", "250"),
                Map.entry(DeploySettings.REMOVAL_POLICY, "DESTROY"),
                Map.entry(DeploySettings.AUTHORIZATION, "False"),
                Map.entry("tokenAudience", "https://chat.example.com"),
                Map.entry("tokenMaxLifetime", "8h")))::get, HERE);

        assertThat(settings).isEqualTo(new DeploySettings("live", "ops_1",
                new TableSettings("parley-chat", "parley-rooms", 8, 7), 2048, new CallbackRate(2_500, 1_250),
                new RoomLimit(50), new ConnectionLimit(2),
                new HistorySettings("parley-history", new HistoryWindow(250, Duration.ofDays(3))),
                new BroadcastQueueSettings(100, 250), RemovalPolicy.DESTROY,
                false, false, new TokenRules("https://chat.example.com", Duration.ofHours(8)), lambdaJar, webRoot));
    }

    @Test
    void givenTokenMaxLifetimeTheAuthorizerWouldRefuse_fromContext_stopsNamingTheKeyAndTheRange() {
        assertThatThrownBy(() -> DeploySettings.fromContext(context(Map.of("tokenMaxLifetime", "90d"))::get, HERE))
                .hasMessage("context 'tokenMaxLifetime' must be " + TokenRules.MAX_LIFETIME_RULE
                        + ", not '90d' (set it with -c tokenMaxLifetime=VALUE)");
    }

    @Test
    void givenNumbersFromCdkJson_fromContext_acceptsThemAsNumbers() {
        Map<String, Object> context = context(Map.of());
        context.put(DeploySettings.MEMORY_SIZE, 1769);

        assertThat(DeploySettings.fromContext(context::get, HERE).memorySize()).isEqualTo(1769);
    }

    @Test
    void givenBooleanFromCdkJson_fromContext_acceptsItAsABoolean() {
        Map<String, Object> context = context(Map.of());
        context.put(DeploySettings.AUTHORIZATION, false);

        assertThat(DeploySettings.fromContext(context::get, HERE).authorization()).isFalse();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "webSocketStage, 'prod stage'",
        "broadcastStage, ''",
        "tableName, ab",
        "tableName, chat/details",
        "connectionRetentionDays, 0",
        "connectionRetentionDays, thirty",
        "memorySize, 127",
        "memorySize, 10241",
        "memorySize, 1.5",
        "activeShards, 0",
        "activeShards, 257",
        "activeShards, ''",
        "callbackRatePerSecond, 0",
        "callbackRatePerSecond, 2500.5",
        "callbackRatePerSecond, 1000001",
        "callbackBurst, -1",
        "callbackBurst, 2000000",
        "maxRoomsPerConnection, 0",
        "maxRoomsPerConnection, 1001",
        "maxConnectionsPerUser, 0",
        "maxConnectionsPerUser, 1001",
        "removalPolicy, snapshot",
        "authorization, off",
        "authorization, yes",
        "requireAuth, on",
    })
    void givenAnInvalidValue_fromContext_namesTheKeyAndTheValue(String key, String value) {
        Map<String, Object> context = context(Map.of(key, value));

        assertThatThrownBy(() -> DeploySettings.fromContext(context::get, HERE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("context '" + key + "'")
                .hasMessageContaining("'" + value.strip() + "'")
                .hasMessageContaining("-c " + key + "=");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "tableName, ab, 'a DynamoDB table name: 3 to 255 characters'",
        "connectionRetentionDays, 0, 'a positive whole number of days'",
        "activeShards, 257, 'a whole number from 1 to 256'",
        "callbackRatePerSecond, 1000001, 'a whole number from 1 to 1000000'",
        "callbackBurst, 0, 'a whole number from 1 to 1000000'",
    })
    void givenAFunctionSettingOutOfRange_fromContext_saysWhatTheFunctionsAccept(String key, String value, String range) {
        Map<String, Object> context = context(Map.of(key, value));

        assertThatThrownBy(() -> DeploySettings.fromContext(context::get, HERE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("context '" + key + "' must be " + range)
                .hasMessageEndingWith(", not '" + value + "' (set it with -c " + key + "=VALUE)");
    }

    @Test
    void givenAuthorizationOnOrOff_fromContext_requiresAuthExactlyWhereTheAuthorizerIsDeployedUnlessTold() {
        assertThat(DeploySettings.fromContext(context(Map.of())::get, HERE).requireAuth()).isTrue();
        assertThat(DeploySettings.fromContext(context(Map.of(DeploySettings.AUTHORIZATION, "false"))::get, HERE)
                .requireAuth()).isFalse();
        assertThat(DeploySettings.fromContext(context(Map.of("requireAuth", "false"))::get, HERE).requireAuth()).isFalse();
        assertThat(DeploySettings.fromContext(context(Map.of("requireAuth", "false"))::get, HERE).functionEnvironment())
                .containsEntry("REQUIRE_AUTH", "false");
    }

    @Test
    void givenRequireAuthWithoutTheAuthorizer_fromContext_refusesAChatNobodyCouldJoin() {
        Map<String, Object> context = context(Map.of(DeploySettings.AUTHORIZATION, "false", "requireAuth", "true"));

        assertThatThrownBy(() -> DeploySettings.fromContext(context::get, HERE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("context 'requireAuth' is true but -c authorization=false deploys no authorizer: every "
                        + "$connect would be refused; leave requireAuth out");
    }

    @Test
    void givenMoreShardsThanTheFunctionsAccept_synth_failsBeforeWritingATemplate() {
        Map<String, String> tooMany = Map.of("activeShards", "300");

        assertThatThrownBy(() -> SynthesizedParley.synthesize("too-many-shards", tooMany))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("context 'activeShards' must be a whole number from 1 to 256, not '300'"
                        + " (set it with -c activeShards=VALUE)");
    }

    @Test
    void givenNoLambdaJar_fromContext_saysHowToBuildIt() {
        Path missing = Path.of("target", "settings", "missing.jar").toAbsolutePath();

        assertThatThrownBy(() -> DeploySettings.fromContext(context(Map.of(DeploySettings.LAMBDA_JAR, missing.toString()))::get, HERE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("mvn")
                .hasMessageContaining("-c lambdaJar=");
    }

    @Test
    void givenAWebRootWithoutIndexPage_fromContext_saysWhichDirectoryAndHowToChooseAnother() {
        Path empty = Path.of("target", "settings").toAbsolutePath();

        assertThatThrownBy(() -> DeploySettings.fromContext(context(Map.of(DeploySettings.WEB_ROOT, empty.toString()))::get, HERE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("index.html")
                .hasMessageContaining(empty.toString())
                .hasMessageContaining("-c webRoot=");
    }

    @Test
    void givenNoPathsInTheContext_fromContext_takesTheJarAndThePagesOfTheSiblingModules() {
        Path checkout = Path.of("target", "settings", "checkout").toAbsolutePath();
        Path pages = SynthesizedParley.webRoot(checkout.resolve("chat-web/src/main/web"));
        Path jar = SynthesizedParley.lambdaJar(checkout.resolve("chat-lambda/target/chat-lambda.jar"));

        DeploySettings settings = DeploySettings.fromContext(key -> null, checkout.resolve("deploy"));

        assertThat(settings.webRoot()).isEqualTo(pages);
        assertThat(settings.lambdaJar()).isEqualTo(jar);
    }

    @Test
    void givenARelativePath_fromContext_resolvesItAgainstTheWorkingDirectory() {
        Path relativeWebRoot = HERE.toAbsolutePath().relativize(webRoot);

        assertThat(DeploySettings.fromContext(context(Map.of(DeploySettings.WEB_ROOT, relativeWebRoot.toString()))::get, HERE)
                .webRoot()).isEqualTo(webRoot);
    }

    private static Map<String, Object> context(Map<String, String> values) {
        Map<String, Object> context = new HashMap<>();
        context.put(DeploySettings.WEB_ROOT, webRoot.toString());
        context.put(DeploySettings.LAMBDA_JAR, lambdaJar.toString());
        context.putAll(values);
        return context;
    }
}
