package dev.parley.chat.wiring;

import dagger.Module;
import dev.parley.chat.protocol.FrameReader;
import dev.parley.chat.protocol.FrameWriter;
import dagger.Provides;
import dev.parley.chat.domain.port.in.BroadcastStatusUseCase;
import dev.parley.chat.domain.port.in.BroadcastUseCase;
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
import dev.parley.chat.domain.port.out.BroadcastQueue;
import dev.parley.chat.domain.port.out.BroadcastRecords;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.domain.port.out.LimitRegistry;
import dev.parley.chat.domain.port.out.MessageHistory;
import dev.parley.chat.domain.port.out.MessagePublisher;
import dev.parley.chat.domain.port.out.RoomRegistry;
import dev.parley.chat.domain.port.out.SendReceipts;
import dev.parley.chat.domain.service.BroadcastService;
import dev.parley.chat.domain.service.BroadcastStatusService;
import dev.parley.chat.domain.service.SendBroadcastPageService;
import dev.parley.chat.domain.service.StartBroadcastService;
import dev.parley.chat.domain.service.ChargeFrameService;
import dev.parley.chat.domain.service.ConnectService;
import dev.parley.chat.domain.service.DisconnectService;
import dev.parley.chat.domain.service.HistoryService;
import dev.parley.chat.domain.service.JoinRoomService;
import dev.parley.chat.domain.service.LeaveRoomService;
import dev.parley.chat.domain.service.ListMembersService;
import dev.parley.chat.domain.service.SendMessageService;
import dev.parley.chat.settings.BroadcastQueueSettings;
import java.time.Clock;
import java.time.Duration;
import javax.inject.Singleton;

/** The use cases. The domain carries no Dagger annotations, so its services are provided here. */
@Module
final class DomainModule {

    private DomainModule() {}

    @Provides
    @Singleton
    static Clock clock() {
        // Millisecond timestamps: what browsers' Date and most clients parse without loss.
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    /** The wire protocol is plain Java without Dagger annotations; one reader serves every handler. */
    @Provides
    @Singleton
    static FrameReader frameReader() {
        return new FrameReader();
    }

    /** One writer serves every handler and the publisher. */
    @Provides
    @Singleton
    static FrameWriter frameWriter() {
        return new FrameWriter();
    }

    @Provides
    @Singleton
    static ConnectUseCase connectUseCase(ConnectionRegistry registry, RoomRegistry rooms, MessagePublisher publisher,
            Clock clock, LimitRegistry limits, ChatConfiguration configuration) {
        return new ConnectService(registry, rooms, publisher, clock, limits, configuration.roomLimit(),
                configuration.connectionLimit());
    }

    @Provides
    @Singleton
    static ChargeFrameUseCase chargeFrameUseCase(LimitRegistry limits, Clock clock, ChatConfiguration configuration) {
        return new ChargeFrameService(limits, clock, configuration.sendRateLimit());
    }

    @Provides
    @Singleton
    static DisconnectUseCase disconnectUseCase(
            ConnectionRegistry registry, RoomRegistry rooms, MessagePublisher publisher, Clock clock,
            LimitRegistry limits) {
        return new DisconnectService(registry, rooms, publisher, clock, limits);
    }

    @Provides
    @Singleton
    static SendMessageUseCase sendMessageUseCase(ConnectionRegistry registry, RoomRegistry rooms,
            MessagePublisher publisher, Clock clock, LimitRegistry limits, ChatConfiguration configuration,
            MessageHistory history, SendReceipts receipts) {
        return new SendMessageService(registry, rooms, publisher, clock, limits, history, receipts,
                configuration.history().window());
    }

    @Provides
    @Singleton
    static BroadcastUseCase broadcastUseCase(
            ConnectionRegistry registry, RoomRegistry rooms, MessagePublisher publisher, Clock clock,
            LimitRegistry limits) {
        return new BroadcastService(registry, rooms, publisher, clock, limits);
    }

    @Provides
    @Singleton
    static StartBroadcastUseCase startBroadcastUseCase(ConnectionRegistry registry, RoomRegistry rooms,
            MessagePublisher publisher, Clock clock, LimitRegistry limits, BroadcastRecords records,
            BroadcastQueue queue, ChatConfiguration configuration) {
        BroadcastQueueSettings settings = configuration.broadcastQueue().settings();
        return new StartBroadcastService(registry, rooms, publisher, clock, limits, records, queue,
                settings.inlineLimit(), settings.pageSize());
    }

    @Provides
    @Singleton
    static BroadcastStatusUseCase broadcastStatusUseCase(BroadcastRecords records) {
        return new BroadcastStatusService(records);
    }

    @Provides
    @Singleton
    static SendBroadcastPageUseCase sendBroadcastPageUseCase(ConnectionRegistry registry, RoomRegistry rooms,
            MessagePublisher publisher, Clock clock, LimitRegistry limits, BroadcastRecords records) {
        return new SendBroadcastPageService(registry, rooms, publisher, clock, limits, records);
    }

    @Provides
    @Singleton
    static JoinRoomUseCase joinRoomUseCase(ConnectionRegistry registry, RoomRegistry rooms, MessagePublisher publisher,
            Clock clock, LimitRegistry limits, ChatConfiguration configuration, MessageHistory history) {
        return new JoinRoomService(registry, rooms, publisher, clock, limits, configuration.roomLimit(), history,
                configuration.history().window());
    }

    @Provides
    @Singleton
    static LeaveRoomUseCase leaveRoomUseCase(
            ConnectionRegistry registry, RoomRegistry rooms, MessagePublisher publisher, Clock clock,
            LimitRegistry limits) {
        return new LeaveRoomService(registry, rooms, publisher, clock, limits);
    }

    @Provides
    @Singleton
    static HistoryUseCase historyUseCase(RoomRegistry rooms, MessageHistory history, MessagePublisher publisher,
            Clock clock, ChatConfiguration configuration) {
        return new HistoryService(rooms, history, configuration.history().window(), publisher, clock);
    }

    @Provides
    @Singleton
    static ListMembersUseCase listMembersUseCase(RoomRegistry rooms) {
        return new ListMembersService(rooms);
    }
}
