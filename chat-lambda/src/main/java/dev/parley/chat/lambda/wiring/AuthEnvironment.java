package dev.parley.chat.lambda.wiring;

/** The authorizer's component in a Lambda execution environment, built on first use from the function's environment. */
public final class AuthEnvironment {

    private AuthEnvironment() {}

    public static AuthComponent get() {
        return Holder.INSTANCE;
    }

    /** The JVM initialises the holder once, thread-safely, on the first call to {@link #get()}. */
    private static final class Holder {
        static final AuthComponent INSTANCE = AuthComponent.create(
                AuthConfiguration.fromEnvironment(System.getenv()), EnvironmentComponent.credentials(System.getenv()));
    }
}
