package dev.parley.bench.fanout;

import dev.parley.bench.Floor;
import dev.parley.bench.Options;
import dev.parley.chat.adapter.out.apigateway.CallbackRate;
import dev.parley.chat.adapter.out.apigateway.PublisherSettings;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The emulated account's {@code @connections} (latency, token bucket) and the publisher's settings, as every fan-out
 * harness takes them from its command line; see {@code bench/broadcast.sh} for what each option means.
 */
public record CallbackSettings(Duration latency, int rate, int burst, PublisherSettings publisher) {

    private static final Set<String> OPTIONS =
            Set.of("latency-ms", "rate", "burst", "concurrency", "client-rate", "client-burst");

    /** The option names this reads and a harness's {@code own}: all that harness knows. */
    public static Set<String> optionsAnd(String... own) {
        return Stream.concat(OPTIONS.stream(), Stream.of(own)).collect(Collectors.toUnmodifiableSet());
    }

    /** 20 ms, 10,000/s and a 5,000 burst, and the publisher's defaults, unless the options say otherwise. */
    public static CallbackSettings from(Options options) {
        return new CallbackSettings(
                Duration.ofMillis(options.integer("latency-ms", 20, 0)),
                options.integer("rate", 10_000, 1),
                options.integer("burst", 5_000, 1),
                publisherSettings(options));
    }

    /** The publisher's defaults, with the concurrency and the pace it assumes changed for experiments. */
    private static PublisherSettings publisherSettings(Options options) {
        PublisherSettings defaults = PublisherSettings.defaults();
        return new PublisherSettings(
                options.integer("concurrency", defaults.maxConcurrentSends(), 1),
                defaults.maxAttempts(),
                defaults.baseBackoff(),
                defaults.maxBackoff(),
                new CallbackRate(options.integer("client-rate", defaults.callbackRate().perSecond(), 1),
                        options.integer("client-burst", defaults.callbackRate().burst(), 1)));
    }

    /** The least time sending to {@code recipients} can take through this bucket, starting full. */
    public Floor floor(int recipients) {
        return new Floor(recipients, rate, burst, latency);
    }

    /** The settings in a few words, for a harness's first line. */
    public String describe() {
        return String.format("@connections: %d ms latency, %,d/s, burst %,d; publisher %s", latency.toMillis(), rate,
                burst, publisher);
    }
}
