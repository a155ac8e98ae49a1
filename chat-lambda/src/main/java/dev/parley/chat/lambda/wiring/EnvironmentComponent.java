package dev.parley.chat.lambda.wiring;

import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;

/** The one component of a Lambda execution environment, built on first use from the function's environment. */
public final class EnvironmentComponent {

    private EnvironmentComponent() {}

    public static ChatComponent get() {
        return Holder.INSTANCE;
    }

    /** The JVM initialises the holder once, thread-safely, on the first call to {@link #get()}. */
    private static final class Holder {
        // Lambda puts the function role's credentials in the environment: reading them there skips the provider chain.
        static final ChatComponent INSTANCE = ChatComponent.create(
                ChatConfiguration.fromEnvironment(System.getenv()), EnvironmentVariableCredentialsProvider.create());
    }
}
