package dev.parley.chat.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.adapter.in.lambda.BroadcastRoute;
import dev.parley.chat.adapter.in.lambda.WebSocketRoute;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbRegistrySettings;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class ChatComponentTest {

    private final ChatComponent component = ChatComponent.create(
            new ChatConfiguration("chatDetails", "eu-west-1", Optional.of(URI.create("http://127.0.0.1:9")),
                    URI.create("http://127.0.0.1:9/production"), "*", DynamoDbRegistrySettings.DEFAULT_RETENTION, 4),
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));

    @Test
    void givenConfiguration_create_buildsEveryHandlerWithoutTouchingTheNetwork() {
        assertThat(Arrays.stream(WebSocketRoute.values()).map(route -> route.createHandler(component)))
                .hasSize(8).doesNotContainNull();
        assertThat(BroadcastRoute.createHandler(component)).isNotNull();
    }

    @Test
    void givenOneComponent_useCases_areSingletons() {
        assertThat(component.sendMessageUseCase()).isSameAs(component.sendMessageUseCase());
        assertThat(component.broadcastUseCase()).isSameAs(component.broadcastUseCase());
        assertThat(component.joinRoomUseCase()).isSameAs(component.joinRoomUseCase());
        assertThat(component.leaveRoomUseCase()).isSameAs(component.leaveRoomUseCase());
        assertThat(component.listMembersUseCase()).isSameAs(component.listMembersUseCase());
        assertThat(component.frameReader()).isSameAs(component.frameReader());
        assertThat(component.frameWriter()).isSameAs(component.frameWriter());
    }
}
