package dev.parley.chat.wiring;

import dagger.BindsInstance;
import dagger.Component;
import dev.parley.chat.auth.TokenRules;
import dev.parley.chat.auth.TokenVerifier;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The authorizer's object graph, apart from {@link ChatComponent}: the authorizer needs no table, no
 * {@code @connections} and none of their settings, and the chat handlers never build a Secrets Manager client.
 */
@Singleton
@Component(modules = AuthModule.class)
public interface AuthComponent {

    TokenVerifier tokenVerifier();

    @Component.Builder
    interface Builder {
        @BindsInstance
        Builder configuration(AuthConfiguration configuration);

        @BindsInstance
        Builder rules(TokenRules rules);

        @BindsInstance
        Builder credentials(AwsCredentialsProvider credentials);

        AuthComponent build();
    }

    /**
     * A component reading its secret as {@code configuration} says, requiring {@code rules} of every token, signing
     * any AWS call with {@code credentials}.
     */
    static AuthComponent create(AuthConfiguration configuration, TokenRules rules, AwsCredentialsProvider credentials) {
        return DaggerAuthComponent.builder().configuration(configuration).rules(rules).credentials(credentials).build();
    }
}
