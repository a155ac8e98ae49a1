package dev.parley.chat.server;

import dagger.Module;
import dagger.Provides;
import dev.parley.chat.adapter.out.memory.InMemoryMessagePublisher;
import dev.parley.chat.domain.port.out.MessagePublisher;
import javax.inject.Singleton;

/** The publisher is this process's own sockets, wherever the connections are kept: memory or DynamoDB. */
@Module
public final class SocketPublisherModule {

    private SocketPublisherModule() {}

    @Provides
    @Singleton
    public static InMemoryMessagePublisher inMemoryMessagePublisher() {
        return new InMemoryMessagePublisher();
    }

    /** The sockets open and close their mailboxes on the same publisher the use cases send through. */
    @Provides
    public static MessagePublisher messagePublisher(InMemoryMessagePublisher publisher) {
        return publisher;
    }
}
