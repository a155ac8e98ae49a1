package dev.parley.chat.wiring;

import dagger.BindsInstance;
import dagger.Component;
import dev.parley.chat.domain.port.out.BroadcastQueue;
import dev.parley.chat.domain.port.out.BroadcastRecords;
import dev.parley.chat.domain.port.out.ConnectionRegistry;
import dev.parley.chat.domain.port.out.LimitRegistry;
import dev.parley.chat.domain.port.out.MessageHistory;
import dev.parley.chat.domain.port.out.MessagePublisher;
import dev.parley.chat.domain.port.out.RoomRegistry;
import dev.parley.chat.domain.port.out.SendReceipts;
import dev.parley.chat.wiring.domain.DomainModule;
import java.time.Clock;
import javax.inject.Singleton;

/**
 * The handlers' component with the use cases wired as in production ({@link DomainModule}) over outbound adapters and
 * a clock handed in: the handler tests' fakes, the benchmarks' in-memory adapters.
 */
@Singleton
@Component(modules = {DomainModule.class, BroadcastQueueModule.class, ChatConfigurationModule.class})
public interface SuppliedAdaptersChatComponent extends ChatComponent {

    @Component.Builder
    interface Builder {
        @BindsInstance
        Builder configuration(ChatConfiguration configuration);

        @BindsInstance
        Builder connections(ConnectionRegistry connections);

        @BindsInstance
        Builder rooms(RoomRegistry rooms);

        @BindsInstance
        Builder limits(LimitRegistry limits);

        @BindsInstance
        Builder history(MessageHistory history);

        @BindsInstance
        Builder receipts(SendReceipts receipts);

        @BindsInstance
        Builder publisher(MessagePublisher publisher);

        @BindsInstance
        Builder broadcasts(BroadcastRecords broadcasts);

        @BindsInstance
        Builder broadcastQueue(BroadcastQueue queue);

        @BindsInstance
        Builder clock(Clock clock);

        SuppliedAdaptersChatComponent build();
    }

    static Builder builder() {
        return DaggerSuppliedAdaptersChatComponent.builder();
    }
}
