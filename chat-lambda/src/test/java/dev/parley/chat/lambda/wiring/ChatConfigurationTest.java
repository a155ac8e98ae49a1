package dev.parley.chat.lambda.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.domain.model.SendRateLimit;
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
            "WEBSOCKET_CALLBACK_URL", "https://a1b2c3d4e5.execute-api.eu-central-1.amazonaws.com/production");

    @Test
    void givenOnlyRequiredVariables_fromEnvironment_usesTheDefaults() {
        var configuration = ChatConfiguration.fromEnvironment(MINIMAL);

        assertThat(configuration.tableName()).isEqualTo("chatDetails");
        assertThat(configuration.region()).isEqualTo("eu-central-1");
        assertThat(configuration.dynamoDbEndpoint()).isEmpty();
        assertThat(configuration.websocketCallbackUrl())
                .isEqualTo(URI.create("https://a1b2c3d4e5.execute-api.eu-central-1.amazonaws.com/production"));
        assertThat(configuration.allowedOrigin()).isEqualTo("*");
        assertThat(configuration.connectionRetention()).isEqualTo(Duration.ofDays(30));
        assertThat(configuration.activeShards()).isEqualTo(4);
        assertThat(configuration.sendRateLimit()).isEqualTo(new SendRateLimit(10, 20));
    }

    @Test
    void givenEveryVariable_fromEnvironment_readsThemAll() {
        var environment = new HashMap<>(MINIMAL);
        environment.putAll(Map.of("TABLE_NAME", "chat-prod", "DYNAMODB_ENDPOINT", "http://127.0.0.1:4567",
                "ALLOWED_ORIGIN", "https://chat.example.com", "CONNECTION_RETENTION_DAYS", "7", "ACTIVE_SHARDS", "8",
                "SEND_RATE_PER_SECOND", "2.5", "SEND_BURST", "5"));

        var configuration = ChatConfiguration.fromEnvironment(environment);

        assertThat(configuration.tableName()).isEqualTo("chat-prod");
        assertThat(configuration.dynamoDbEndpoint()).contains(URI.create("http://127.0.0.1:4567"));
        assertThat(configuration.allowedOrigin()).isEqualTo("https://chat.example.com");
        assertThat(configuration.connectionRetention()).isEqualTo(Duration.ofDays(7));
        assertThat(configuration.activeShards()).isEqualTo(8);
        assertThat(configuration.sendRateLimit()).isEqualTo(new SendRateLimit(2.5, 5));
    }

    @Test
    void givenOnlyOneOfTheSendRateVariables_fromEnvironment_takesTheOtherFromTheDefault() {
        var onlyRate = new HashMap<>(MINIMAL);
        onlyRate.put("SEND_RATE_PER_SECOND", "0.5");
        var onlyBurst = new HashMap<>(MINIMAL);
        onlyBurst.put("SEND_BURST", "3");

        assertThat(ChatConfiguration.fromEnvironment(onlyRate).sendRateLimit()).isEqualTo(new SendRateLimit(0.5, 20));
        assertThat(ChatConfiguration.fromEnvironment(onlyBurst).sendRateLimit()).isEqualTo(new SendRateLimit(10, 3));
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '"', value = {
            "SEND_RATE_PER_SECOND, fast, \"must be a number of messages a second such as 10 or 0.5, not 'fast'\"",
            "SEND_RATE_PER_SECOND, -1, \"not '-1'\"",
            "SEND_RATE_PER_SECOND, 1e3, \"not '1e3'\"",
            "SEND_RATE_PER_SECOND, NaN, \"not 'NaN'\"",
            "SEND_RATE_PER_SECOND, 0, \"the send rate must be 0.001 to 1000000 messages a second, not 0.0\"",
            "SEND_RATE_PER_SECOND, 0.0001, \"not 1.0E-4\"",
            "SEND_RATE_PER_SECOND, 2000000, \"not 2000000.0\"",
            "SEND_BURST, 0, \"must be a positive whole number, not '0'\"",
            "SEND_BURST, 2.5, \"not '2.5'\"",
            "SEND_BURST, twenty, \"not 'twenty'\"",
            "SEND_BURST, 2000000, \"the send burst must be 1 to 1000000 messages, not 2000000\""})
    void givenBadSendRateVariable_fromEnvironment_namesTheVariableAndWhatIsAllowed(String name, String value, String why) {
        var environment = new HashMap<>(MINIMAL);
        environment.put(name, value);

        assertThatThrownBy(() -> ChatConfiguration.fromEnvironment(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("environment variable " + name)
                .hasMessageContaining(why);
    }

    @Test
    void givenNoSendRateLimit_construct_usesTheDefault() {
        var configuration = new ChatConfiguration("chatDetails", "eu-central-1", Optional.empty(),
                URI.create("https://a1b2c3d4e5.execute-api.eu-central-1.amazonaws.com/production"), "*",
                ChatConfiguration.DEFAULT_RETENTION, ChatConfiguration.DEFAULT_ACTIVE_SHARDS);

        assertThat(configuration.sendRateLimit()).isEqualTo(ChatConfiguration.DEFAULT_SEND_RATE_LIMIT);
    }

    @Test
    void givenNoCallbackUrl_fromEnvironment_namesTheMissingVariable() {
        assertThatThrownBy(() -> ChatConfiguration.fromEnvironment(Map.of("AWS_REGION", "eu-central-1")))
                .hasMessageContaining("WEBSOCKET_CALLBACK_URL");
    }

    @Test
    void givenRelativeCallbackUrl_fromEnvironment_saysItMustBeAbsolute() {
        var environment = new HashMap<>(MINIMAL);
        environment.put("WEBSOCKET_CALLBACK_URL", "production/@connections");

        assertThatThrownBy(() -> ChatConfiguration.fromEnvironment(environment))
                .hasMessageContaining("WEBSOCKET_CALLBACK_URL").hasMessageContaining("absolute URL");
    }

    @Test
    void givenRetentionNotANumber_fromEnvironment_namesTheVariable() {
        var environment = new HashMap<>(MINIMAL);
        environment.put("CONNECTION_RETENTION_DAYS", "thirty");

        assertThatThrownBy(() -> ChatConfiguration.fromEnvironment(environment))
                .hasMessageContaining("CONNECTION_RETENTION_DAYS").hasMessageContaining("thirty");
    }
}
