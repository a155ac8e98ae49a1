package dev.parley.deploy;

import dev.parley.chat.adapter.in.lambda.authorizer.AuthorizerHandler;
import dev.parley.chat.adapter.in.lambda.authorizer.BroadcastAuthorizerHandler;
import dev.parley.chat.auth.TokenRules;
import dev.parley.chat.settings.TokenSettings;
import dev.parley.chat.wiring.AuthConfiguration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.WebSocketLambdaAuthorizer;
import software.amazon.awscdk.services.apigateway.IAuthorizer;
import software.amazon.awscdk.services.apigateway.TokenAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.IWebSocketRouteAuthorizer;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * Who may connect and who may broadcast (ADR 0005): a signing secret generated in Secrets Manager, the two authorizer
 * functions that check tokens with it, the Lambda REQUEST authorizer of {@code $connect}, whose identity source is the
 * token in the query string (browsers cannot set headers on a WebSocket), and the Lambda TOKEN authorizer of the
 * broadcast endpoint, whose identity source is the {@code Authorization} header (an administrator's bearer token).
 */
final class ConnectAuthorization extends Construct {

    /** Letters and digits only, so the secret pastes into any shell: about 380 bits, far beyond HS256's 256. */
    static final int SECRET_LENGTH = 64;
    static final String GET_SECRET_VALUE = "secretsmanager:GetSecretValue";

    private final Secret secret;
    private final IWebSocketRouteAuthorizer authorizer;
    private final IAuthorizer broadcastAuthorizer;

    /**
     * @param blueprint what Parley's functions share; the authorizer's environment is its secret's ARN and the token
     *        rules alone
     * @param tokenRules the audience every token must name and the longest it may live
     */
    ConnectAuthorization(Construct scope, String id, ChatFunction.Blueprint blueprint, TokenRules tokenRules) {
        super(scope, id);
        this.secret = Secret.Builder.create(this, "SigningSecret")
                .description("Signs Parley's connection tokens (HS256 JWTs); mint tokens with it as the README's Security section shows")
                .generateSecretString(SecretStringGenerator.builder()
                        .passwordLength(SECRET_LENGTH)
                        .excludePunctuation(true)
                        .includeSpace(false)
                        .build())
                .build();
        Nag.suppress(secret, "AwsSolutions-SMG4", "a rotation function would invalidate every token users hold at a time"
                + " nobody chose; the secret is replaced deliberately instead, as the README's Security section describes");

        Map<String, String> environment = new HashMap<>(TokenSettings.toEnvironment(tokenRules));
        environment.put(AuthConfiguration.SECRET_ARN_VARIABLE, secret.getSecretArn());
        var function = tokenChecker(AuthorizerHandler.HANDLER, blueprint.withEnvironment(environment));
        this.authorizer = WebSocketLambdaAuthorizer.Builder.create("ConnectAuthorizer", function.alias())
                .authorizerName("parley-connect-token")
                .identitySource(List.of(AuthorizerHandler.IDENTITY_SOURCE))
                .build();
        var broadcastFunction = tokenChecker(BroadcastAuthorizerHandler.HANDLER, blueprint.withEnvironment(environment));
        this.broadcastAuthorizer = TokenAuthorizer.Builder.create(this, "BroadcastAuthorizer")
                .authorizerName("parley-broadcast-admin-token")
                .handler(broadcastFunction.alias())
                .identitySource(BroadcastAuthorizerHandler.IDENTITY_SOURCE)
                // Every call checked afresh: a token that expired, or a secret replaced, takes effect at once.
                .resultsCacheTtl(Duration.seconds(0))
                .build();
    }

    /** An authorizer function: it reads the secret, and nothing else. */
    private ChatFunction tokenChecker(String handler, ChatFunction.Blueprint blueprint) {
        var function = new ChatFunction(this, handler, HandlerAccess.AUTHORIZER, Map.of(), blueprint);
        function.allow(List.of(GET_SECRET_VALUE), secret.getSecretArn());
        return function;
    }

    /** The REQUEST authorizer for the {@code $connect} route. */
    IWebSocketRouteAuthorizer authorizer() {
        return authorizer;
    }

    /** The TOKEN authorizer of the broadcast endpoint: only administrators' tokens are allowed. */
    IAuthorizer broadcastAuthorizer() {
        return broadcastAuthorizer;
    }

    /** The secret's ARN (never its value, which only Secrets Manager and the authorizer hold). */
    String secretArn() {
        return secret.getSecretArn();
    }
}
