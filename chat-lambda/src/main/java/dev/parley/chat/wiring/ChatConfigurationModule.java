package dev.parley.chat.wiring;

import dagger.Module;
import dagger.Provides;
import dev.parley.chat.wiring.domain.DomainSettings;

/** The use cases' settings, as the function's environment configures them. */
@Module
public final class ChatConfigurationModule {

    private ChatConfigurationModule() {}

    @Provides
    static DomainSettings domainSettings(ChatConfiguration configuration) {
        return new DomainSettings(configuration.sendRateLimit(), configuration.roomLimit(),
                configuration.connectionLimit(), configuration.history().window());
    }
}
