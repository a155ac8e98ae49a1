package dev.parley.chat.wiring.domain;

import dagger.Module;
import dagger.Provides;
import dev.parley.chat.domain.port.in.BroadcastUseCase;
import dev.parley.chat.domain.port.in.ChargeFrameUseCase;
import dev.parley.chat.domain.port.in.ConnectUseCase;
import dev.parley.chat.domain.port.in.DisconnectUseCase;
import dev.parley.chat.domain.port.in.HistoryUseCase;
import dev.parley.chat.domain.port.in.JoinRoomUseCase;
import dev.parley.chat.domain.port.in.LeaveRoomUseCase;
import dev.parley.chat.domain.port.in.ListMembersUseCase;
import dev.parley.chat.domain.port.in.SendMessageUseCase;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.domain.port.out.LimitRegistry;
import dev.parley.chat.domain.port.out.MessageHistory;
import dev.parley.chat.domain.port.out.MessagePublisher;
import dev.parley.chat.domain.port.out.RoomRegistry;
import dev.parley.chat.domain.port.out.SendReceipts;
import dev.parley.chat.domain.service.BroadcastService;
import dev.parley.chat.domain.service.ChargeFrameService;
import dev.parley.chat.domain.service.ConnectService;
import dev.parley.chat.domain.service.DisconnectService;
import dev.parley.chat.domain.service.HistoryService;
import dev.parley.chat.domain.service.JoinRoomService;
import dev.parley.chat.domain.service.LeaveRoomService;
import dev.parley.chat.domain.service.ListMembersService;
import dev.parley.chat.domain.service.SendMessageService;
import dev.parley.chat.protocol.FrameAnswers;
import dev.parley.chat.protocol.FrameReader;
import dev.parley.chat.protocol.FrameWriter;
import java.time.Clock;
import javax.inject.Singleton;

/**
 * The use cases and the wire protocol, assembled once for every component: each brings its own outbound adapters (the
 * ports), a {@link java.time.Clock} and the {@link DomainSettings}. The domain carries no Dagger annotations, so its
 * services are provided here.
 */
@Module
public final class DomainModule {

    private DomainModule() {}

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

    /** What each frame means and how it is answered, for every transport. */
    @Provides
    @Singleton
    static FrameAnswers frameAnswers(FrameReader reader, FrameWriter writer) {
        return new FrameAnswers(reader, writer);
    }

    @Provides
    @Singleton
    static ConnectUseCase connectUseCase(ConnectionRegistry registry, RoomRegistry rooms, MessagePublisher publisher,
            Clock clock, LimitRegistry limits, DomainSettings settings) {
        return new ConnectService(registry, rooms, publisher, clock, limits, settings.roomLimit(),
                settings.connectionLimit());
    }

    @Provides
    @Singleton
    static ChargeFrameUseCase chargeFrameUseCase(LimitRegistry limits, Clock clock, DomainSettings settings) {
        return new ChargeFrameService(limits, clock, settings.sendRateLimit());
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
            MessagePublisher publisher, Clock clock, LimitRegistry limits, DomainSettings settings,
            MessageHistory history, SendReceipts receipts) {
        return new SendMessageService(registry, rooms, publisher, clock, limits, history, receipts,
                settings.history());
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
    static JoinRoomUseCase joinRoomUseCase(ConnectionRegistry registry, RoomRegistry rooms, MessagePublisher publisher,
            Clock clock, LimitRegistry limits, DomainSettings settings, MessageHistory history) {
        return new JoinRoomService(registry, rooms, publisher, clock, limits, settings.roomLimit(), history,
                settings.history());
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
            Clock clock, DomainSettings settings) {
        return new HistoryService(rooms, history, settings.history(), publisher, clock);
    }

    @Provides
    @Singleton
    static ListMembersUseCase listMembersUseCase(RoomRegistry rooms) {
        return new ListMembersService(rooms);
    }
}
