package dev.parley.chat.server;

import dagger.BindsInstance;
import dagger.Component;
import dev.parley.chat.wiring.domain.DomainModule;
import dev.parley.chat.wiring.domain.DomainSettings;
import dev.parley.chat.wiring.domain.SystemClockModule;
import javax.inject.Singleton;

/** The default: everything in this process's memory. */
@Singleton
@Component(modules = {DomainModule.class, SystemClockModule.class, MemoryAdaptersModule.class,
        SocketPublisherModule.class})
interface MemoryServerComponent extends ServerComponent {

    @Component.Builder
    interface Builder {
        @BindsInstance
        Builder settings(DomainSettings settings);

        MemoryServerComponent build();
    }
}
