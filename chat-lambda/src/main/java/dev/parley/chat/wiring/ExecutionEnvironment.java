package dev.parley.chat.wiring;

import dev.parley.chat.auth.TokenRules;
import dev.parley.chat.settings.TokenSettings;
import java.util.Map;
import org.crac.Core;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;

/**
 * The components of this Lambda execution environment, each built once, on first use, from the function's environment:
 * a function builds only the one its handler asks for (the authorizer never builds the chat component, nor the chat
 * functions the authorizer's).
 */
public final class ExecutionEnvironment {

    /** Set by Lambda when the role's credentials come from an endpoint rather than the environment (SnapStart). */
    static final String CONTAINER_CREDENTIALS_URI = "AWS_CONTAINER_CREDENTIALS_FULL_URI";

    private ExecutionEnvironment() {}

    /** The chat handlers' component. */
    public static ChatComponent chatComponent() {
        return ChatHolder.INSTANCE;
    }

    /** The authorizer's component. */
    public static AuthComponent authComponent() {
        return AuthHolder.INSTANCE;
    }

    /**
     * The function role's credentials, read from where Lambda puts them, without walking the default provider chain.
     * SnapStart functions get no key variables (a snapshot must not hold credentials that expire), only the container
     * credentials endpoint, which the provider asks again whenever its credentials near their expiry.
     */
    static AwsCredentialsProvider credentials(Map<String, String> environment) {
        return environment.containsKey(CONTAINER_CREDENTIALS_URI)
                ? ContainerCredentialsProvider.builder().build()
                : EnvironmentVariableCredentialsProvider.create();
    }

    /** The JVM initialises a holder once, thread-safely, on the first call that reads it. */
    private static final class ChatHolder {
        static final AwsCredentialsProvider CREDENTIALS = credentials(System.getenv());
        static final ChatComponent INSTANCE = ChatComponent.create(
                ChatConfiguration.fromEnvironment(System.getenv()), CREDENTIALS);
        /**
         * Primes the component before a SnapStart snapshot. Held here because CRaC holds what is registered only
         * weakly: without this reference the hook could be collected before the snapshot and never run. Outside
         * SnapStart nothing calls it (org.crac then finds no CRaC implementation and registers nothing).
         */
        static final SnapStartPriming.Hook PRIMING = SnapStartPriming.register(Core.getGlobalContext(),
                SnapStartPriming.Hook.of(INSTANCE, CREDENTIALS));
    }

    private static final class AuthHolder {
        static final TokenRules RULES = TokenSettings.fromEnvironment(System.getenv());
        static final AuthComponent INSTANCE = AuthComponent.create(AuthConfiguration.fromEnvironment(System.getenv()),
                RULES, credentials(System.getenv()));
        /** Held for the same reason as {@link ChatHolder#PRIMING}. */
        static final AuthorizerPriming PRIMING = SnapStartPriming.register(Core.getGlobalContext(),
                new AuthorizerPriming(RULES));
    }
}
