package dev.parley.chat.wiring;

import dagger.Module;
import dagger.Provides;
import dev.parley.chat.domain.port.in.BroadcastStatusUseCase;
import dev.parley.chat.domain.port.in.PlanBroadcastUseCase;
import dev.parley.chat.domain.port.in.SendBroadcastPageUseCase;
import dev.parley.chat.domain.port.in.StartBroadcastUseCase;
import dev.parley.chat.domain.port.out.BroadcastQueue;
import dev.parley.chat.domain.port.out.BroadcastRecords;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.domain.port.out.LimitRegistry;
import dev.parley.chat.domain.port.out.MessagePublisher;
import dev.parley.chat.domain.port.out.RoomRegistry;
import dev.parley.chat.domain.service.BroadcastStatusService;
import dev.parley.chat.domain.service.PlanBroadcastService;
import dev.parley.chat.domain.service.SendBroadcastPageService;
import dev.parley.chat.domain.service.StartBroadcastService;
import dev.parley.chat.protocol.BroadcastWorkCodec;
import dev.parley.chat.settings.aws.BroadcastQueueSettings;
import java.time.Clock;
import javax.inject.Singleton;

/**
 * The use cases of broadcasts through a queue of pages, for the components of the functions (and their tests) that
 * bring a {@link BroadcastRecords} and a {@link BroadcastQueue}; cut as the configuration's
 * {@link BroadcastQueueSettings} say.
 */
@Module
final class BroadcastQueueModule {

    private BroadcastQueueModule() {}

    @Provides
    @Singleton
    static StartBroadcastUseCase startBroadcastUseCase(ConnectionRegistry registry, RoomRegistry rooms,
            MessagePublisher publisher, Clock clock, LimitRegistry limits, BroadcastRecords records,
            BroadcastQueue queue, ChatConfiguration configuration) {
        return new StartBroadcastService(registry, rooms, publisher, clock, limits, records, queue,
                configuration.broadcastQueue().settings().inlineLimit());
    }

    @Provides
    @Singleton
    static PlanBroadcastUseCase planBroadcastUseCase(ConnectionRegistry registry, RoomRegistry rooms, Clock clock,
            BroadcastRecords records, BroadcastQueue queue, ChatConfiguration configuration) {
        return new PlanBroadcastService(registry, rooms, clock, records, queue,
                configuration.broadcastQueue().settings().pageSize());
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

    /** The one form of work on the queue: plannings written by the broadcast function, pages by the planning worker. */
    @Provides
    @Singleton
    static BroadcastWorkCodec broadcastWorkCodec() {
        return new BroadcastWorkCodec();
    }
}
