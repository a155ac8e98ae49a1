package dev.parley.chat.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.adapter.in.lambda.BroadcastRoute;
import dev.parley.chat.adapter.in.lambda.BroadcastStatusRoute;
import dev.parley.chat.adapter.in.lambda.BroadcastWorkerRoute;
import dev.parley.chat.adapter.in.lambda.WebSocketRoute;
import dev.parley.chat.adapter.out.dynamodb.DynamoDbRegistrySettings;
import dev.parley.chat.domain.model.BroadcastPage;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.MessageId;
import java.net.URI;
import java.util.List;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

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
        assertThat(BroadcastStatusRoute.createHandler(component)).isNotNull();
        assertThat(BroadcastWorkerRoute.createHandler(component)).isNotNull();
    }

    @Test
    void givenNoBroadcastQueue_theQueue_refusesEverything_soABroadcastBeyondTheLimitFailsAtOnce() {
        var page = new BroadcastPage(MessageId.random(), 0, List.of(new ConnectionId("QW5uLWNvbm4=")));

        assertThat(component.configuration().broadcastQueue().queueUrl()).isEmpty();
        assertThat(AwsModule.broadcastQueue(component.configuration(), Region.EU_WEST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")),
                component.broadcastWorkCodec()).enqueue(List.of(page))).containsExactly(page);
    }

    @Test
    void givenOneComponent_useCases_areSingletons() {
        assertThat(component.sendMessageUseCase()).isSameAs(component.sendMessageUseCase());
        assertThat(component.broadcastUseCase()).isSameAs(component.broadcastUseCase());
        assertThat(component.startBroadcastUseCase()).isSameAs(component.startBroadcastUseCase());
        assertThat(component.sendBroadcastPageUseCase()).isSameAs(component.sendBroadcastPageUseCase());
        assertThat(component.planBroadcastUseCase()).isSameAs(component.planBroadcastUseCase());
        assertThat(component.joinRoomUseCase()).isSameAs(component.joinRoomUseCase());
        assertThat(component.leaveRoomUseCase()).isSameAs(component.leaveRoomUseCase());
        assertThat(component.listMembersUseCase()).isSameAs(component.listMembersUseCase());
        assertThat(component.frameReader()).isSameAs(component.frameReader());
        assertThat(component.frameWriter()).isSameAs(component.frameWriter());
    }
}
