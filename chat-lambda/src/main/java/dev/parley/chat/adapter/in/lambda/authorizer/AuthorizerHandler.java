package dev.parley.chat.adapter.in.lambda.authorizer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.parley.chat.auth.InvalidTokenException;
import dev.parley.chat.auth.Principal;
import dev.parley.chat.auth.TokenVerifier;
import dev.parley.chat.wiring.AuthComponent;
import dev.parley.chat.wiring.ExecutionEnvironment;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Lambda REQUEST authorizer of the WebSocket API's {@code $connect}, the only route API Gateway authorizes.
 * Browsers cannot set headers on a WebSocket, so the token travels in the query string: {@code ?token=<JWT>}.
 * <ul>
 *   <li>no token: the function fails with {@code Unauthorized}, which API Gateway answers with 401;</li>
 *   <li>a token that grants nothing (bad signature, expired, not HS256...): a Deny policy, answered with 403;</li>
 *   <li>a valid token: an Allow policy on this {@code $connect} only, with the user in the context, which API Gateway
 *       passes to every route of the connection.</li>
 * </ul>
 * The token itself is never logged.
 */
public final class AuthorizerHandler implements RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1> {

    /** The query string parameter that carries the token. */
    public static final String TOKEN_PARAMETER = "token";
    /** The authorizer's identity source: API Gateway answers 401 itself, without invoking it, when this is missing. */
    public static final String IDENTITY_SOURCE = "route.request.querystring." + TOKEN_PARAMETER;
    public static final String HANDLER = AuthorizerHandler.class.getName() + "::handleRequest";

    /** The exact error message API Gateway turns into 401 Unauthorized. */
    public static final String UNAUTHORIZED = "Unauthorized";
    static final String ANONYMOUS = "anonymous";

    private final TokenVerifier verifier;

    /** What Lambda calls: the secret is read here, once per execution environment (before a SnapStart snapshot). */
    public AuthorizerHandler() {
        this(ExecutionEnvironment.authComponent().tokenVerifier());
    }

    AuthorizerHandler(TokenVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /** An authorizer checking tokens with {@code component}'s secret, as the local gateway runs it. */
    public static AuthorizerHandler create(AuthComponent component) {
        return new AuthorizerHandler(component.tokenVerifier());
    }

    @Override
    public IamPolicyResponseV1 handleRequest(APIGatewayCustomAuthorizerEvent event, Context context) {
        String methodArn = methodArn(event, "the REQUEST authorizer of a WebSocket API's $connect route");
        String token = Optional.ofNullable(event.getQueryStringParameters())
                .map(query -> query.get(TOKEN_PARAMETER))
                .orElse("");
        if (token.isBlank()) {
            context.getLogger().log("refused " + methodArn + ": no token in the query string", LogLevel.INFO);
            throw new Unauthorized();
        }
        try {
            Principal principal = verifier.verify(token);
            context.getLogger().log("allowed user " + principal.userId() + " on " + methodArn, LogLevel.INFO);
            return policy(principal.userId().value(), IamPolicyResponseV1.allowStatement(methodArn),
                    AuthorizerContext.of(principal));
        } catch (InvalidTokenException invalid) {
            context.getLogger().log("denied " + methodArn + ": " + invalid.reason() + ", " + invalid.getMessage(),
                    LogLevel.WARN);
            return policy(ANONYMOUS, IamPolicyResponseV1.denyStatement(methodArn), Map.of());
        }
    }

    /** The method the event asks about; fails, saying what this function is ({@code role}), on an event without one. */
    static String methodArn(APIGatewayCustomAuthorizerEvent event, String role) {
        String methodArn = event == null ? null : event.getMethodArn();
        if (methodArn == null || methodArn.isBlank()) {
            throw new IllegalArgumentException("the event has no methodArn: this function is " + role);
        }
        return methodArn;
    }

    /** The answer API Gateway reads: who, what they may invoke, and the context passed on to the function. */
    static IamPolicyResponseV1 policy(String principalId, IamPolicyResponseV1.Statement statement,
            Map<String, Object> authorizerContext) {
        return IamPolicyResponseV1.builder()
                .withPrincipalId(principalId)
                .withPolicyDocument(IamPolicyResponseV1.PolicyDocument.builder()
                        .withVersion(IamPolicyResponseV1.VERSION_2012_10_17)
                        .withStatement(List.of(statement))
                        .build())
                .withContext(authorizerContext)
                .build();
    }

    /** The function error API Gateway answers with 401: its message must be exactly {@value #UNAUTHORIZED}. */
    static final class Unauthorized extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Unauthorized() {
            // No stack trace: this is an answer, not a fault, and Lambda logs the error.
            super(UNAUTHORIZED, null, false, false);
        }
    }
}
