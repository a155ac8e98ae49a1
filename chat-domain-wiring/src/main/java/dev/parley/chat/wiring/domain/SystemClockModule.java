package dev.parley.chat.wiring.domain;

import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import java.time.Duration;
import javax.inject.Singleton;

/** The clock of a running system; tests bind a clock they move instead. */
@Module
public final class SystemClockModule {

    private SystemClockModule() {}

    @Provides
    @Singleton
    static Clock clock() {
        // Millisecond timestamps: what browsers' Date and most clients parse without loss.
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }
}
