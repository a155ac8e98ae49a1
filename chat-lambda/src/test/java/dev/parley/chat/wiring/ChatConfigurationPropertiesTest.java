package dev.parley.chat.wiring;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.parley.chat.adapter.out.dynamodb.DynamoDbPortsModule;
import dev.parley.chat.settings.aws.CallbackSettings;
import dev.parley.chat.settings.Setting;
import dev.parley.chat.settings.dynamodb.TableSettings;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A configuration the environment gives is one the handlers start with: the adapters built from it at init accept
 * every value {@link ChatConfiguration#fromEnvironment} does, so a value the deployment writes never fails the init.
 */
class ChatConfigurationPropertiesTest {

    private static final Map<String, String> DEPLOYED = Map.of(
            "AWS_REGION", "us-east-1",
            "ALLOWED_ORIGIN", "https://d111111abcdef8.cloudfront.net",
            ChatConfiguration.CALLBACK_URL_VARIABLE, "https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/production");

    private static DynamoDbClient client;

    @BeforeContainer
    static void createClient() {
        client = AwsModule.dynamoDbClient(ChatConfiguration.fromEnvironment(DEPLOYED), Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
    }

    @AfterContainer
    static void closeClient() {
        client.close();
    }

    @Property(tries = 1000)
    void anyValueFromEnvironmentAccepts_buildsTheRegistriesAndThePublisher(
            @ForAll("adapterSettings") Setting<?> setting, @ForAll("values") String value) {
        Map<String, String> environment = new HashMap<>(DEPLOYED);
        environment.put(setting.variable(), value);

        configured(environment).ifPresent(configuration -> assertThatCode(() -> {
            var registrySettings = AwsModule.registrySettings(configuration);
            DynamoDbPortsModule.connectionRegistry(client, registrySettings);
            DynamoDbPortsModule.roomRegistry(client, AwsModule.roomRegistrySettings(registrySettings, configuration),
                    Clock.systemUTC());
            AwsModule.publisherSettings(configuration);
        }).doesNotThrowAnyException());
    }

    @Provide
    Arbitrary<Setting<?>> adapterSettings() {
        return Arbitraries.<Setting<?>>of(TableSettings.TABLE_NAME, TableSettings.ROOMS_TABLE_NAME, TableSettings.ACTIVE_SHARDS,
                TableSettings.CONNECTION_RETENTION_DAYS, CallbackSettings.RATE_PER_SECOND, CallbackSettings.BURST);
    }

    /** Whole numbers about the ranges' ends, and table-name-like text. */
    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(-1, 1_000_001).edgeCases(edges -> edges.add(256, 257)).map(String::valueOf),
                Arbitraries.strings().withChars("az_.-/").ofMinLength(1).ofMaxLength(6));
    }

    private static Optional<ChatConfiguration> configured(Map<String, String> environment) {
        try {
            return Optional.of(ChatConfiguration.fromEnvironment(environment));
        } catch (IllegalArgumentException refused) {
            return Optional.empty();
        }
    }
}
