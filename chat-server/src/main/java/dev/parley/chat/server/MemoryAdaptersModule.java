package dev.parley.chat.server;

import dagger.Module;
import dagger.Provides;
import dev.parley.chat.adapter.out.memory.InMemoryConnectionRegistry;
import dev.parley.chat.adapter.out.memory.InMemoryLimitRegistry;
import dev.parley.chat.adapter.out.memory.InMemoryMessageHistory;
import dev.parley.chat.adapter.out.memory.InMemoryRoomRegistry;
import dev.parley.chat.adapter.out.memory.InMemorySendReceipts;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.domain.port.out.LimitRegistry;
import dev.parley.chat.domain.port.out.MessageHistory;
import dev.parley.chat.domain.port.out.RoomRegistry;
import dev.parley.chat.domain.port.out.SendReceipts;
import dev.parley.chat.wiring.domain.DomainSettings;
import java.time.Clock;
import javax.inject.Singleton;

/**
 * Every outbound port but the publisher ({@link SocketPublisherModule}) in this process's memory: one node, nothing
 * kept across a restart; the history keeps what the window reads of each room, until it expires.
 */
@Module
final class MemoryAdaptersModule {

    private MemoryAdaptersModule() {}

    @Provides
    @Singleton
    static ConnectionRegistry connectionRegistry() {
        return new InMemoryConnectionRegistry();
    }

    @Provides
    @Singleton
    static RoomRegistry roomRegistry(ConnectionRegistry connections) {
        return new InMemoryRoomRegistry(connections);
    }

    @Provides
    @Singleton
    static LimitRegistry limitRegistry() {
        return new InMemoryLimitRegistry();
    }

    @Provides
    @Singleton
    static MessageHistory messageHistory(DomainSettings settings, Clock clock) {
        return InMemoryMessageHistory.forWindow(settings.history(), clock);
    }

    @Provides
    @Singleton
    static SendReceipts sendReceipts() {
        return new InMemorySendReceipts();
    }
}
