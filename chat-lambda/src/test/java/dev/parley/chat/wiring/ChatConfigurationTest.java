package dev.parley.chat.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.adapter.out.apigateway.CallbackRate;
import dev.parley.chat.domain.model.ConnectionLimit;
import dev.parley.chat.domain.model.MessageRateLimit;
import dev.parley.chat.domain.model.RoomLimit;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbRegistrySettings;
import dev.parley.chat.settings.aws.BroadcastQueueSettings;
import dev.parley.chat.settings.dynamodb.DynamoDbTimeouts;
import dev.parley.chat.settings.InvalidSettingException;
import dev.parley.chat.settings.SendRateSettings;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatConfigurationTest {

    private static final Map<String, String> MINIMAL = Map.of(
            "AWS_REGION", "eu-central-1",
            "ALLOWED_ORIGIN", "https://d111111abcdef8.cloudfront.net",
            "WEBSOCKET_CALLBACK_URL", "https://a1b2c3d4e5.execute-api.eu-central-1.amazonaws.com/production");

    @Test
    void givenOnlyRequiredVariables_fromEnvironment_usesTheDefaults() {
        var configuration = ChatConfiguration.fromEnvironment(MINIMAL);

        assertThat(configuration.tableName()).isEqualTo("chatDetails");
        assertThat(configuration.region()).isEqualTo("eu-central-1");
        assertThat(configuration.dynamoDbEndpoint()).isEmpty();
        assertThat(configuration.websocketCallbackUrl())
                .isEqualTo(URI.create("https://a1b2c3d4e5.execute-api.eu-central-1.amazonaws.com/production"));
        assertThat(configuration.allowedOrigin()).isEqualTo("https://d111111abcdef8.cloudfront.net");
        assertThat(configuration.connectionRetention()).isEqualTo(Duration.ofDays(30));
        assertThat(configuration.activeShards()).isEqualTo(4);
        assertThat(configuration.sendRateLimit()).isEqualTo(new MessageRateLimit(10, 20));
        assertThat(configuration.dynamoDbTimeouts())
                .isEqualTo(new DynamoDbTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)));
        assertThat(configuration.callbackRate()).isEqualTo(new CallbackRate(10_000, 5_000));
        assertThat(configuration.roomLimit()).isEqualTo(new RoomLimit(20));
        assertThat(configuration.connectionLimit()).isEqualTo(new ConnectionLimit(5));
        assertThat(configuration.broadcastQueue()).isEqualTo(new BroadcastQueueConfiguration(
                new BroadcastQueueSettings(2_000, 500), Optional.empty(), Optional.empty()));
    }

    @Test
    void givenBroadcastQueueVariables_fromEnvironment_readsThem_andNamesOneThatIsWrong() {
        var environment = new HashMap<>(MINIMAL);
        environment.putAll(Map.of("BROADCAST_QUEUE_URL", "http://127.0.0.1:9324/000000000000/parley-broadcast-pages",
                "SQS_ENDPOINT", "http://127.0.0.1:9324", "BROADCAST_INLINE_LIMIT", "0", "BROADCAST_PAGE_SIZE", "100"));

        assertThat(ChatConfiguration.fromEnvironment(environment).broadcastQueue()).isEqualTo(
                new BroadcastQueueConfiguration(new BroadcastQueueSettings(0, 100),
                        Optional.of(URI.create("http://127.0.0.1:9324/000000000000/parley-broadcast-pages")),
                        Optional.of(URI.create("http://127.0.0.1:9324"))));
        environment.put("BROADCAST_INLINE_LIMIT", "100001");
        assertThatThrownBy(() -> ChatConfiguration.fromEnvironment(environment))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("environment variable BROADCAST_INLINE_LIMIT must be a whole number from 0 to 100000,"
                        + " not '100001'");
    }

    @Test
    void givenNoAllowedOrigin_fromEnvironment_refusesToFallBackOnAnyOrigin() {
        var environment = new HashMap<>(MINIMAL);
        environment.remove("ALLOWED_ORIGIN");

        assertThatThrownBy(() -> ChatConfiguration.fromEnvironment(environment))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("environment variable ALLOWED_ORIGIN must be set: an origin such as https://chat.example.com,"
                        + " or * for any");
    }

    @Test
    void givenAnyOriginSetOnPurpose_fromEnvironment_takesIt() {
        assertThat(withMinimal("ALLOWED_ORIGIN", "*").allowedOrigin()).isEqualTo("*");
    }

    @Test
    void givenEveryVariable_fromEnvironment_readsThemAll() {
        var environment = new HashMap<>(MINIMAL);
        environment.putAll(Map.of("TABLE_NAME", "chat-prod", "DYNAMODB_ENDPOINT", "http://127.0.0.1:4567",
                "ALLOWED_ORIGIN", "https://chat.example.com", "CONNECTION_RETENTION_DAYS", "7", "ACTIVE_SHARDS", "8",
                "SEND_RATE_PER_SECOND", "2.5", "SEND_BURST", "5", "DYNAMODB_ATTEMPT_TIMEOUT_MS", "750",
                "DYNAMODB_CALL_TIMEOUT_MS", "3000"));
        environment.putAll(Map.of("CALLBACK_RATE_PER_SECOND", "2500", "CALLBACK_BURST", " 1250 ",
                "MAX_ROOMS_PER_CONNECTION", "5", "MAX_CONNECTIONS_PER_USER", "3"));

        var configuration = ChatConfiguration.fromEnvironment(environment);

        assertThat(configuration.tableName()).isEqualTo("chat-prod");
        assertThat(configuration.dynamoDbEndpoint()).contains(URI.create("http://127.0.0.1:4567"));
        assertThat(configuration.allowedOrigin()).isEqualTo("https://chat.example.com");
        assertThat(configuration.connectionRetention()).isEqualTo(Duration.ofDays(7));
        assertThat(configuration.activeShards()).isEqualTo(8);
        assertThat(configuration.sendRateLimit()).isEqualTo(new MessageRateLimit(2.5, 5));
        assertThat(configuration.dynamoDbTimeouts())
                .isEqualTo(new DynamoDbTimeouts(Duration.ofMillis(750), Duration.ofSeconds(3)));
        assertThat(configuration.callbackRate()).isEqualTo(new CallbackRate(2_500, 1_250));
        assertThat(configuration.roomLimit()).isEqualTo(new RoomLimit(5));
        assertThat(configuration.connectionLimit()).isEqualTo(new ConnectionLimit(3));
    }

    @Test
    void givenOnlyOneVariableOfARateAndBurstPair_fromEnvironment_takesTheOtherFromItsDefault() {
        assertThat(withMinimal("SEND_RATE_PER_SECOND", "0.5").sendRateLimit()).isEqualTo(new MessageRateLimit(0.5, 20));
        assertThat(withMinimal("SEND_BURST", "3").sendRateLimit()).isEqualTo(new MessageRateLimit(10, 3));
        assertThat(withMinimal("CALLBACK_RATE_PER_SECOND", "4000").callbackRate()).isEqualTo(new CallbackRate(4_000, 5_000));
        assertThat(withMinimal("CALLBACK_BURST", "100").callbackRate()).isEqualTo(new CallbackRate(10_000, 100));
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '"', value = {
            "SEND_RATE_PER_SECOND, fast, \"must be a number from 0.001 to 1000000, such as 10 or 0.5, not 'fast'\"",
            "SEND_RATE_PER_SECOND, -1, \"not '-1'\"",
            "SEND_RATE_PER_SECOND, 1e3, \"not '1e3'\"",
            "SEND_RATE_PER_SECOND, NaN, \"not 'NaN'\"",
            "SEND_RATE_PER_SECOND, 0, \"not '0'\"",
            "SEND_RATE_PER_SECOND, 0.0009, \"not '0.0009'\"",
            "SEND_RATE_PER_SECOND, 1000000.5, \"not '1000000.5'\"",
            "SEND_BURST, 0, \"must be a whole number from 1 to 1000000, not '0'\"",
            "SEND_BURST, 2.5, \"not '2.5'\"",
            "SEND_BURST, twenty, \"not 'twenty'\"",
            "SEND_BURST, 1000001, \"not '1000001'\"",
            "SEND_BURST, \" \", \"not ''\"",
            "DYNAMODB_ATTEMPT_TIMEOUT_MS, soon, \"must be a whole number of milliseconds from 1 to 29000, not 'soon'\"",
            "DYNAMODB_CALL_TIMEOUT_MS, 0, \"must be a whole number of milliseconds from 1 to 29000, not '0'\"",
            "DYNAMODB_CALL_TIMEOUT_MS, 1000, \": the DynamoDB attempt timeout (2000 ms) must not be longer than the call timeout (1000 ms)\"",
            "DYNAMODB_ATTEMPT_TIMEOUT_MS, 6000, \": the DynamoDB attempt timeout (6000 ms) must not be longer than the call timeout (5000 ms)\"",
            "DYNAMODB_CALL_TIMEOUT_MS, 29001, \"must be a whole number of milliseconds from 1 to 29000, not '29001'\"",
            "CALLBACK_RATE_PER_SECOND, 0, \"must be a whole number from 1 to 1000000, not '0'\"",
            "MAX_ROOMS_PER_CONNECTION, 0, \"must be a whole number from 1 to 1000, not '0'\"",
            "MAX_ROOMS_PER_CONNECTION, 1001, \"must be a whole number from 1 to 1000, not '1001'\"",
            "MAX_ROOMS_PER_CONNECTION, many, \"not 'many'\"",
            "MAX_CONNECTIONS_PER_USER, 0, \"must be a whole number from 1 to 1000, not '0'\"",
            "MAX_CONNECTIONS_PER_USER, 1001, \"must be a whole number from 1 to 1000, not '1001'\"",
            "CALLBACK_RATE_PER_SECOND, 2500.5, \"not '2500.5'\"",
            "CALLBACK_RATE_PER_SECOND, 10k, \"not '10k'\"",
            "CALLBACK_RATE_PER_SECOND, 1000001, \"not '1000001'\"",
            "CALLBACK_BURST, -5, \"must be a whole number from 1 to 1000000, not '-5'\"",
            "CALLBACK_BURST, 99999999999, \"not '99999999999'\"",
            "ACTIVE_SHARDS, 0, \"must be a whole number from 1 to 256, not '0'\"",
            "ACTIVE_SHARDS, 257, \"must be a whole number from 1 to 256, not '257'\"",
            "CONNECTION_RETENTION_DAYS, 0, \"must be a positive whole number of days, not '0'\"",
            "TABLE_NAME, ab, \"must be a DynamoDB table name: 3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.', not 'ab'\"",
            "ALLOWED_ORIGIN, \" \", \"must be an origin such as https://chat.example.com, or * for any, not ''\""})
    void givenBadSettingVariable_fromEnvironment_namesTheVariableAndWhatIsAllowed(String name, String value, String why) {
        assertThatThrownBy(() -> withMinimal(name, value))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("environment variable " + name)
                .hasMessageContaining(why);
    }

    @ParameterizedTest
    @CsvSource({"ACTIVE_SHARDS, 1", "ACTIVE_SHARDS, 256", "SEND_RATE_PER_SECOND, 0.001", "SEND_RATE_PER_SECOND, 1000000",
            "SEND_BURST, 1000000", "CALLBACK_BURST, 1000000", "DYNAMODB_ATTEMPT_TIMEOUT_MS, 1",
            "DYNAMODB_CALL_TIMEOUT_MS, 29000", "TABLE_NAME, abc", "MAX_ROOMS_PER_CONNECTION, 1",
            "MAX_ROOMS_PER_CONNECTION, 1000", "MAX_CONNECTIONS_PER_USER, 1", "MAX_CONNECTIONS_PER_USER, 1000"})
    void givenAValueAtTheEdgeOfItsRange_fromEnvironment_acceptsIt(String name, String value) {
        assertThatCode(() -> withMinimal(name, value)).doesNotThrowAnyException();
    }

    @Test
    void givenNoSendRateLimit_construct_usesTheDefault() {
        var configuration = new ChatConfiguration("chatDetails", "eu-central-1", Optional.empty(),
                URI.create("https://a1b2c3d4e5.execute-api.eu-central-1.amazonaws.com/production"), "*",
                DynamoDbRegistrySettings.DEFAULT_RETENTION, DynamoDbRegistrySettings.DEFAULT_ACTIVE_SHARDS);

        assertThat(configuration.sendRateLimit()).isEqualTo(SendRateSettings.DEFAULT);
        assertThat(configuration.dynamoDbTimeouts()).isEqualTo(DynamoDbTimeouts.DEFAULT);
        assertThat(configuration.callbackRate()).isEqualTo(CallbackRate.ACCOUNT_DEFAULT);
        assertThat(configuration.roomLimit()).isEqualTo(RoomLimit.DEFAULT);
    }

    @Test
    void givenNoCallbackUrl_fromEnvironment_namesTheMissingVariable() {
        assertThatThrownBy(() -> ChatConfiguration.fromEnvironment(Map.of("AWS_REGION", "eu-central-1")))
                .hasMessageContaining("WEBSOCKET_CALLBACK_URL");
    }

    @Test
    void givenRelativeCallbackUrl_fromEnvironment_saysItMustBeAbsolute() {
        assertThatThrownBy(() -> withMinimal("WEBSOCKET_CALLBACK_URL", "production/@connections"))
                .hasMessageContaining("WEBSOCKET_CALLBACK_URL").hasMessageContaining("absolute URL");
    }

    @Test
    void givenRetentionNotANumber_fromEnvironment_namesTheVariable() {
        assertThatThrownBy(() -> withMinimal("CONNECTION_RETENTION_DAYS", "thirty"))
                .hasMessageContaining("CONNECTION_RETENTION_DAYS").hasMessageContaining("thirty");
    }

    /** The configuration read from the required variables and {@code name}. */
    private static ChatConfiguration withMinimal(String name, String value) {
        var environment = new HashMap<>(MINIMAL);
        environment.put(name, value);
        return ChatConfiguration.fromEnvironment(environment);
    }
}
