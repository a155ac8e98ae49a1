package dev.parley.chat.wiring;

import dev.parley.chat.auth.TokenRules;
import dev.parley.chat.settings.TokenSettings;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    /**
     * The chat handlers' component, primed by {@code plan} (the function's own path) before a SnapStart snapshot. A
     * function registers its plan once; a second handler in the same environment (tests) adds its own.
     */
    public static ChatComponent chatComponent(SnapStartPriming.Plan plan) {
        ChatHolder.PRIMING.computeIfAbsent(plan.function(), function -> SnapStartPriming.register(
                Core.getGlobalContext(), SnapStartPriming.Hook.of(plan, ChatHolder.INSTANCE, ChatHolder.CREDENTIALS)));
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
         * The hooks that prime the function before a SnapStart snapshot, by function. Held here because CRaC holds
         * what is registered only weakly: without these references a hook could be collected before the snapshot and
         * never run. Outside SnapStart nothing calls them (org.crac then finds no CRaC implementation and registers
         * nothing).
         */
        static final Map<String, SnapStartPriming.Hook> PRIMING = new ConcurrentHashMap<>();
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
