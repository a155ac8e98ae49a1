package dev.parley.chat.adapter.out.dynamodb;

import dagger.Module;
import dagger.Provides;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.domain.port.out.LimitRegistry;
import dev.parley.chat.domain.port.out.MessageHistory;
import dev.parley.chat.domain.port.out.RoomRegistry;
import dev.parley.chat.domain.port.out.SendReceipts;
import java.time.Clock;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The ports kept in DynamoDB, over a client and the tables' settings its includer provides: the functions'
 * ({@code AwsModule}) and chat-server's ({@code DynamoDbAdaptersModule}) alike.
 */
@Module
public final class DynamoDbPortsModule {

    private DynamoDbPortsModule() {}

    @Provides
    @Singleton
    public static ConnectionRegistry connectionRegistry(DynamoDbClient client, DynamoDbRegistrySettings settings) {
        var enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
        return new DynamoDbConnectionRegistry(enhanced, client, settings);
    }

    @Provides
    @Singleton
    public static LimitRegistry limitRegistry(DynamoDbClient client, DynamoDbRegistrySettings settings) {
        return new DynamoDbLimitRegistry(client, settings.tableName());
    }

    @Provides
    @Singleton
    public static RoomRegistry roomRegistry(DynamoDbClient client, DynamoDbRoomRegistrySettings settings, Clock clock) {
        return new DynamoDbRoomRegistry(client, settings, clock);
    }

    @Provides
    @Singleton
    public static MessageHistory messageHistory(DynamoDbClient client, DynamoDbHistorySettings settings) {
        return new DynamoDbMessageHistory(client, settings);
    }

    @Provides
    @Singleton
    public static SendReceipts sendReceipts(DynamoDbClient client, DynamoDbHistorySettings settings) {
        return new DynamoDbSendReceipts(client, settings);
    }
}
