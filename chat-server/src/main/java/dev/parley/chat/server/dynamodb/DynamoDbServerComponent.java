package dev.parley.chat.server.dynamodb;

import dagger.BindsInstance;
import dagger.Component;
import dev.parley.chat.server.DynamoDbOptions;
import dev.parley.chat.server.ServerComponent;
import dev.parley.chat.server.SocketPublisherModule;
import dev.parley.chat.wiring.domain.DomainModule;
import dev.parley.chat.wiring.domain.DomainSettings;
import dev.parley.chat.wiring.domain.SystemClockModule;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** chat-server with its state in DynamoDB: {@code --dynamodb-endpoint} or {@code --table}. */
@Singleton
@Component(modules = {DomainModule.class, SystemClockModule.class, DynamoDbAdaptersModule.class,
        SocketPublisherModule.class})
interface DynamoDbServerComponent extends ServerComponent {

    /** To check at the start that DynamoDB answers. */
    DynamoDbClient dynamoDbClient();

    @Component.Builder
    interface Builder {
        @BindsInstance
        Builder settings(DomainSettings settings);

        @BindsInstance
        Builder dynamoDb(DynamoDbOptions options);

        DynamoDbServerComponent build();
    }
}
