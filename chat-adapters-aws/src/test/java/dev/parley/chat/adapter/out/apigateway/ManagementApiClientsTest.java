package dev.parley.chat.adapter.out.apigateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;

class ManagementApiClientsTest {

    private static final URI CALLBACK_URL = URI.create("https://abc123.execute-api.eu-west-1.amazonaws.com/production");

    @ParameterizedTest
    @ValueSource(strings = {"/production", "wss://abc123.execute-api.eu-west-1.amazonaws.com/production", "https:/production"})
    void givenNoHttpUrl_create_throwsClearError(String callbackUrl) {
        assertThatThrownBy(() -> ManagementApiClients.create(
                URI.create(callbackUrl), Region.EU_WEST_1, AnonymousCredentialsProvider.create(), 16))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("callbackUrl must be an absolute http(s) URL");
    }

    @Test
    void givenNoConcurrency_create_throwsClearError() {
        assertThatThrownBy(() -> ManagementApiClients.create(
                CALLBACK_URL, Region.EU_WEST_1, AnonymousCredentialsProvider.create(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxConcurrency must be at least 1, was 0");
    }
}
