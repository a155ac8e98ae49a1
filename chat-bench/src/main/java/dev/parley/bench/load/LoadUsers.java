package dev.parley.bench.load;

import dev.parley.chat.auth.Principal;
import dev.parley.chat.auth.SigningKey;
import dev.parley.chat.auth.TokenIssuer;
import dev.parley.chat.auth.TokenRules;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.UserId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/** The secrets of one authorized run, made up for it, and the tokens of its users. */
public record LoadUsers(String secret, String adminKey) {

    private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    public static LoadUsers random() {
        var random = new SecureRandom();
        byte[] secret = new byte[32];
        byte[] adminKey = new byte[16];
        random.nextBytes(secret);
        random.nextBytes(adminKey);
        return new LoadUsers(HexFormat.of().formatHex(secret), HexFormat.of().formatHex(adminKey));
    }

    /** A token of the user {@code userId}, named after it. */
    public String token(String userId) {
        return new TokenIssuer(SigningKey.fromText(secret), Clock.systemUTC(), TokenRules.DEFAULT)
                .issue(new Principal(new UserId(userId), new DisplayName(userId)), TOKEN_LIFETIME);
    }
}
