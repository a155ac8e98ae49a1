package dev.parley.chat.server.dynamodb;

import dagger.Module;
import dagger.Provides;
import dev.parley.chat.adapter.out.dynamodb.ChatTablesSetup;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbHistorySettings;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbPortsModule;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbRegistrySettings;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbRoomRegistrySettings;
import dev.parley.chat.server.DynamoDbOptions;
import dev.parley.chat.settings.dynamodb.DynamoDbTimeouts;
import dev.parley.chat.settings.dynamodb.HistorySettings;
import dev.parley.chat.settings.dynamodb.TableSettings;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Every outbound port but the publisher on DynamoDB, wired as the functions' are ({@link DynamoDbPortsModule}), so
 * the state outlives the process. The URL-connection HTTP client: one light client, no Apache or Netty in the jar.
 */
@Module(includes = DynamoDbPortsModule.class)
final class DynamoDbAdaptersModule {

    /** The rooms and history tables keep the deployment's default names; only the chat details table is chosen. */
    static final String ROOMS_TABLE = TableSettings.ROOMS_TABLE_NAME.defaultValue();
    static final String HISTORY_TABLE = HistorySettings.HISTORY_TABLE_NAME.defaultValue();

    private DynamoDbAdaptersModule() {}

    /** Dummy credentials for a local endpoint (it takes any); AWS's own provider chain otherwise. */
    static AwsCredentialsProvider credentials(DynamoDbOptions options) {
        return options.endpoint().isPresent() ? ChatTablesSetup.LOCAL_CREDENTIALS : DefaultCredentialsProvider.builder().build();
    }

    /** Every call bounded as the functions' are: an unreachable DynamoDB fails a frame with INTERNAL in seconds. */
    @Provides
    @Singleton
    static DynamoDbClient dynamoDbClient(DynamoDbOptions options) {
        DynamoDbTimeouts timeouts = DynamoDbTimeouts.DEFAULT;
        var builder = DynamoDbClient.builder()
                .region(Region.of(options.region()))
                .credentialsProvider(credentials(options))
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(timeouts.attempt())
                        .socketTimeout(timeouts.attempt())
                        .build())
                .overrideConfiguration(override -> override
                        .apiCallAttemptTimeout(timeouts.attempt())
                        .apiCallTimeout(timeouts.call()));
        options.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @Provides
    @Singleton
    static DynamoDbRegistrySettings registrySettings(DynamoDbOptions options) {
        return DynamoDbRegistrySettings.defaults(options.table());
    }

    @Provides
    @Singleton
    static DynamoDbRoomRegistrySettings roomRegistrySettings(DynamoDbRegistrySettings connections) {
        return DynamoDbRoomRegistrySettings.of(connections, ROOMS_TABLE);
    }

    @Provides
    @Singleton
    static DynamoDbHistorySettings historySettings() {
        return new DynamoDbHistorySettings(HISTORY_TABLE, 0);
    }
}
