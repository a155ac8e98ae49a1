package dev.parley.chat.settings.aws;

import dev.parley.chat.adapter.in.lambda.CorsPolicy;
import dev.parley.chat.settings.Setting;
import java.util.Optional;
import java.util.function.Function;

/**
 * The origin the broadcast endpoint answers CORS requests for. The functions require it (no silent {@code *}): the
 * deployment sets its site's, chat-local its own pages'. The default only fills help texts.
 */
public final class CorsSettings {

    public static final Setting<String> ALLOWED_ORIGIN = new Setting<>(
            "ALLOWED_ORIGIN",
            Optional.empty(),
            Optional.empty(),
            "CORS origin of the broadcast endpoint",
            CorsPolicy.ANY_ORIGIN,
            "an origin such as https://chat.example.com, or * for any",
            CorsSettings::requireOrigin,
            Function.identity());

    private CorsSettings() {}

    private static String requireOrigin(String origin) {
        if (origin.isBlank()) {
            throw new IllegalArgumentException("blank origin");
        }
        return origin;
    }
}
