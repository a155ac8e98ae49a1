package dev.parley.chat.wiring;

import dev.parley.chat.auth.InvalidTokenException;
import dev.parley.chat.auth.Principal;
import dev.parley.chat.auth.SigningKey;
import dev.parley.chat.auth.TokenIssuer;
import dev.parley.chat.auth.TokenRules;
import dev.parley.chat.auth.TokenVerifier;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.UserId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.crac.Context;
import org.crac.Resource;

/**
 * Verifies one token before a SnapStart snapshot of an authorizer, so that the HMAC, the JSON reading and the
 * principal a verification loads and runs are in the snapshot, not in the first invocation after a restore. The token
 * is issued and verified with a key made for the purpose and thrown away, never the authorizer's own: the priming
 * reads no secret, makes no AWS call, and nothing it signs is accepted anywhere.
 *
 * <p>Lambda runs it through CRaC, which {@link ExecutionEnvironment} registers it with.
 */
public record AuthorizerPriming(TokenRules rules) implements Resource {

    private static final Principal PRIMED = new Principal(new UserId("parley-snapstart-priming"),
            new DisplayName("priming"));

    public AuthorizerPriming {
        Objects.requireNonNull(rules, "rules");
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        verifyOnce();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to renew: the priming kept no key, connection or clock reading.
    }

    /** Issues a token with a throwaway key and verifies it; fails if the verification does not give it back. */
    Principal verifyOnce() {
        byte[] secret = new byte[SigningKey.MIN_BYTES];
        new SecureRandom().nextBytes(secret);
        SigningKey throwaway = SigningKey.of(secret);
        Clock clock = Clock.systemUTC();
        String token = new TokenIssuer(throwaway, clock, rules).issue(PRIMED, Duration.ofMinutes(1));
        try {
            Principal verified = new TokenVerifier(throwaway, clock, rules).verify(token);
            if (!verified.equals(PRIMED)) {
                throw new IllegalStateException("priming verified " + verified + ", not the principal it issued");
            }
            return verified;
        } catch (InvalidTokenException impossible) {
            throw new IllegalStateException("priming could not verify its own token: " + impossible.getMessage(),
                    impossible);
        }
    }
}
