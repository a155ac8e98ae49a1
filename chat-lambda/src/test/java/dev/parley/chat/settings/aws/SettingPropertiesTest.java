package dev.parley.chat.settings.aws;

import dev.parley.chat.settings.dynamodb.TableSettings;
import dev.parley.chat.settings.dynamodb.HistorySettings;
import dev.parley.chat.settings.dynamodb.DynamoDbTimeouts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.settings.ConnectionLimitSettings;
import dev.parley.chat.settings.HistoryWindowSettings;
import dev.parley.chat.settings.InvalidSettingException;
import dev.parley.chat.settings.RoomSettings;
import dev.parley.chat.settings.SendRateSettings;
import dev.parley.chat.settings.Setting;
import dev.parley.chat.settings.TokenSettings;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every setting reads a text the same way wherever the text comes from, and writes a value it reads back. */
class SettingPropertiesTest {

    @Property(tries = 2000)
    void anyText_readsAsTheSameValueFromTheEnvironmentTheContextAndTheCommandLine(
            @ForAll("settings") Setting<?> setting, @ForAll("texts") String text) {
        assertReadsAlike(setting, text);
    }

    @Property(tries = 2000)
    void anyAcceptedText_writesAValueThatReadsBackAsItself(
            @ForAll("settings") Setting<?> setting, @ForAll("texts") String text) {
        assertRoundTrips(setting, text);
    }

    private static <T> void assertReadsAlike(Setting<T> setting, String text) {
        Optional<T> fromEnvironment = accepted(() -> setting.fromEnvironment(Map.of(setting.variable(), text)));

        setting.contextKey().ifPresent(key -> assertThat(accepted(() -> setting.fromContext(Map.of(key, text)::get)))
                .as("from the context").isEqualTo(fromEnvironment));
        setting.flag().ifPresent(flag -> assertThat(accepted(() -> setting.fromFlag(text)))
                .as("from " + flag.name()).isEqualTo(fromEnvironment));
    }

    private static <T> void assertRoundTrips(Setting<T> setting, String text) {
        accepted(() -> setting.fromEnvironment(Map.of(setting.variable(), text))).ifPresent(value ->
                assertThat(setting.fromEnvironment(Map.ofEntries(setting.toEnvironment(value)))).isEqualTo(value));
    }

    @Provide
    Arbitrary<Setting<?>> settings() {
        return Arbitraries.<Setting<?>>of(TableSettings.TABLE_NAME, TableSettings.ROOMS_TABLE_NAME,
                TableSettings.ACTIVE_SHARDS, TableSettings.CONNECTION_RETENTION_DAYS, DynamoDbTimeouts.ATTEMPT_TIMEOUT, DynamoDbTimeouts.CALL_TIMEOUT,
                SendRateSettings.PER_SECOND, SendRateSettings.BURST, CallbackSettings.RATE_PER_SECOND,
                CallbackSettings.BURST, CorsSettings.ALLOWED_ORIGIN, RoomSettings.MAX_ROOMS_PER_CONNECTION,
                ConnectionLimitSettings.MAX_CONNECTIONS_PER_USER, ConnectAuthSettings.REQUIRE_AUTH,
                TokenSettings.AUDIENCE, TokenSettings.MAX_LIFETIME,
                HistorySettings.HISTORY_TABLE_NAME, HistoryWindowSettings.HISTORY_WINDOW, HistoryWindowSettings.HISTORY_RETENTION,
                BroadcastQueueSettings.BROADCAST_INLINE_LIMIT, BroadcastQueueSettings.BROADCAST_PAGE_SIZE);
    }

    /** Decimals with up to nine places about the ranges' ends, and anything else. */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> wholeNumbers = Arbitraries.integers().between(-2, 2_000_000).map(String::valueOf);
        Arbitrary<String> decimals = Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(1_000_001))
                .ofScale(9).map(BigDecimal::toPlainString);
        Arbitrary<String> edges = Arbitraries.of("0.001", "0.000999999", "1000000", "1000000.000000001", "999999.999999999",
                "29000", "29001", "256", "257", "1000", "1001", "", " ", "*", "1e3", "NaN", "Infinity", "-0", "+1",
                "59s", "1m", "24h", "30d", "31d", "720h", "721h", "PT12H", "PT0.5S", "parley", "https://chat.example.com",
                "100000", "100001", "2000", "5000", "5001", "7d", "365d", "366d", "8760h", "8761h", "0m", "90m", "36h", "1.5d", "7D");
        return Arbitraries.oneOf(wholeNumbers, decimals, edges, Arbitraries.strings().ofMaxLength(10));
    }

    private static <T> Optional<T> accepted(Supplier<T> reading) {
        try {
            return Optional.of(reading.get());
        } catch (InvalidSettingException refused) {
            return Optional.empty();
        }
    }
}
