package dev.parley.chat.settings.aws;

import dev.parley.chat.settings.Setting;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether {@code $connect} fails closed: with {@code REQUIRE_AUTH} on, a connection that arrives without the
 * authorizer's user (an authorizer detached from the route, or a route deployed without one) is refused instead of
 * joining anonymously. A function cannot tell on its own whether an authorizer should have run, so whoever attaches
 * the authorizer says so: the deployment whenever it deploys one, chat-local with {@code --auth-secret}. Off where
 * not set, so a function deployed by hand without an authorizer stays the tutorial's open chat.
 */
public final class ConnectAuthSettings {

    public static final Setting<Boolean> REQUIRE_AUTH = new Setting<>(
            "REQUIRE_AUTH",
            Optional.of("requireAuth"),
            Optional.of(new Setting.Flag("--require-auth", "true|false")),
            "refuse $connect with 403 when no authorizer identified the user, instead of connecting anonymously",
            false,
            "true or false",
            ConnectAuthSettings::parse,
            String::valueOf);

    private ConnectAuthSettings() {}

    public static boolean fromEnvironment(Map<String, String> environment) {
        return REQUIRE_AUTH.fromEnvironment(environment);
    }

    /** The variable {@link #fromEnvironment} reads back as {@code requireAuth}. */
    public static Map<String, String> toEnvironment(boolean requireAuth) {
        return Map.ofEntries(REQUIRE_AUTH.toEnvironment(requireAuth));
    }

    private static Boolean parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("neither true nor false");
        };
    }
}
