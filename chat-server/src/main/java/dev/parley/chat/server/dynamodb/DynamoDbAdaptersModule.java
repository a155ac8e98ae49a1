package dev.parley.chat.server.dynamodb;

import dagger.Module;
import dagger.Provides;
import dev.parley.chat.adapter.out.dynamodb.ChatTablesSetup;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbConnectionRegistry;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbHistorySettings;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbLimitRegistry;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbMessageHistory;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbRegistrySettings;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbRoomRegistry;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbRoomRegistrySettings;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbSendReceipts;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.domain.port.out.LimitRegistry;
import dev.parley.chat.domain.port.out.MessageHistory;
import dev.parley.chat.domain.port.out.RoomRegistry;
import dev.parley.chat.domain.port.out.SendReceipts;
import dev.parley.chat.server.DynamoDbOptions;
import dev.parley.chat.settings.dynamodb.DynamoDbTimeouts;
import dev.parley.chat.settings.dynamodb.HistorySettings;
import dev.parley.chat.settings.dynamodb.TableSettings;
import java.time.Clock;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Every outbound port but the publisher on DynamoDB, as the functions keep them (chat-lambda's AwsModule), so the
 * state outlives the process. The URL-connection HTTP client: one light client, no Apache or Netty in the jar.
 */
@Module
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
    static ConnectionRegistry connectionRegistry(DynamoDbClient client, DynamoDbRegistrySettings settings) {
        var enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
        return new DynamoDbConnectionRegistry(enhanced, client, settings);
    }

    @Provides
    @Singleton
    static LimitRegistry limitRegistry(DynamoDbClient client, DynamoDbRegistrySettings settings) {
        return new DynamoDbLimitRegistry(client, settings.tableName());
    }

    @Provides
    @Singleton
    static RoomRegistry roomRegistry(DynamoDbClient client, DynamoDbRegistrySettings connections, Clock clock) {
        return new DynamoDbRoomRegistry(client, DynamoDbRoomRegistrySettings.of(connections, ROOMS_TABLE), clock);
    }

    @Provides
    @Singleton
    static DynamoDbHistorySettings historySettings() {
        return new DynamoDbHistorySettings(HISTORY_TABLE, 0);
    }

    @Provides
    @Singleton
    static MessageHistory messageHistory(DynamoDbClient client, DynamoDbHistorySettings settings) {
        return new DynamoDbMessageHistory(client, settings);
    }

    @Provides
    @Singleton
    static SendReceipts sendReceipts(DynamoDbClient client, DynamoDbHistorySettings settings) {
        return new DynamoDbSendReceipts(client, settings);
    }
}
