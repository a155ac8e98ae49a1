package dev.parley.chat.wiring;

import dagger.BindsInstance;
import dagger.Component;
import dev.parley.chat.domain.port.in.BroadcastStatusUseCase;
import dev.parley.chat.domain.port.in.BroadcastUseCase;
import dev.parley.chat.domain.port.in.PlanBroadcastUseCase;
import dev.parley.chat.domain.port.in.SendBroadcastPageUseCase;
import dev.parley.chat.domain.port.in.StartBroadcastUseCase;
import dev.parley.chat.domain.port.in.ChargeFrameUseCase;
import dev.parley.chat.domain.port.in.ConnectUseCase;
import dev.parley.chat.domain.port.in.DisconnectUseCase;
import dev.parley.chat.domain.port.in.HistoryUseCase;
import dev.parley.chat.domain.port.in.JoinRoomUseCase;
import dev.parley.chat.domain.port.in.LeaveRoomUseCase;
import dev.parley.chat.domain.port.in.ListMembersUseCase;
import dev.parley.chat.domain.port.in.SendMessageUseCase;
import dev.parley.chat.domain.port.out.MessagePublisher;
import dev.parley.chat.domain.port.out.RoomRegistry;
import dev.parley.chat.protocol.BroadcastWorkCodec;
import dev.parley.chat.protocol.FrameAnswers;
import dev.parley.chat.protocol.FrameReader;
import dev.parley.chat.protocol.FrameWriter;
import dev.parley.chat.wiring.domain.DomainModule;
import dev.parley.chat.wiring.domain.SystemClockModule;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The object graph of one execution environment, generated at compile time. Each handler asks only for the use case
 * it runs, and Dagger builds only what that use case needs: the members function never creates the
 * {@code @connections} client.
 */
@Singleton
@Component(modules = {
        DomainModule.class, BroadcastQueueModule.class, SystemClockModule.class, ChatConfigurationModule.class,
        AwsModule.class})
public interface ChatComponent {

    ConnectUseCase connectUseCase();

    ChargeFrameUseCase chargeFrameUseCase();

    DisconnectUseCase disconnectUseCase();

    SendMessageUseCase sendMessageUseCase();

    BroadcastUseCase broadcastUseCase();

    StartBroadcastUseCase startBroadcastUseCase();

    BroadcastStatusUseCase broadcastStatusUseCase();

    SendBroadcastPageUseCase sendBroadcastPageUseCase();

    PlanBroadcastUseCase planBroadcastUseCase();

    BroadcastWorkCodec broadcastWorkCodec();

    JoinRoomUseCase joinRoomUseCase();

    LeaveRoomUseCase leaveRoomUseCase();

    ListMembersUseCase listMembersUseCase();

    HistoryUseCase historyUseCase();

    FrameReader frameReader();

    FrameWriter frameWriter();

    FrameAnswers frameAnswers();

    ChatConfiguration configuration();

    /** The {@code @connections} publisher: chat-local's benchmarks put it beside in-memory stores. */
    MessagePublisher messagePublisher();

    /** The room registry: the SnapStart priming reads a room's members with it ({@link SnapStartPriming}). */
    RoomRegistry roomRegistry();

    @Component.Builder
    interface Builder {
        @BindsInstance
        Builder configuration(ChatConfiguration configuration);

        @BindsInstance
        Builder credentials(AwsCredentialsProvider credentials);

        ChatComponent build();
    }

    /** A component for this configuration, signing with these credentials. */
    static ChatComponent create(ChatConfiguration configuration, AwsCredentialsProvider credentials) {
        return DaggerChatComponent.builder().configuration(configuration).credentials(credentials).build();
    }
}
