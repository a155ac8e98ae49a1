package dev.parley.chat.lambda.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
    }

    @Test
    void givenEveryVariable_fromEnvironment_readsThemAll() {
        var environment = new HashMap<>(MINIMAL);
        environment.putAll(Map.of("TABLE_NAME", "chat-prod", "DYNAMODB_ENDPOINT", "http://127.0.0.1:4567",
                "ALLOWED_ORIGIN", "https://chat.example.com", "CONNECTION_RETENTION_DAYS", "7", "ACTIVE_SHARDS", "8"));

        var configuration = ChatConfiguration.fromEnvironment(environment);

        assertThat(configuration.tableName()).isEqualTo("chat-prod");
        assertThat(configuration.dynamoDbEndpoint()).contains(URI.create("http://127.0.0.1:4567"));
        assertThat(configuration.allowedOrigin()).isEqualTo("https://chat.example.com");
        assertThat(configuration.connectionRetention()).isEqualTo(Duration.ofDays(7));
        assertThat(configuration.activeShards()).isEqualTo(8);
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
