package dev.parley.chat.adapter.in.lambda.authorizer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.parley.chat.auth.InvalidTokenException;
import dev.parley.chat.auth.Principal;
import dev.parley.chat.auth.Role;
import dev.parley.chat.auth.TokenVerifier;
import dev.parley.chat.wiring.AuthComponent;
import dev.parley.chat.wiring.ExecutionEnvironment;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The Lambda TOKEN authorizer of the broadcast endpoint: who may broadcast, beyond the API key that meters the usage
 * plan. The token is the same HS256 token as for chatting, with {@code "role":"admin"}, sent as
 * {@code Authorization: Bearer <token>}:
 * <ul>
 *   <li>no {@code Authorization} header: API Gateway answers 401 itself, without invoking the function;</li>
 *   <li>not a bearer token, or one that is invalid (badly signed, expired, another audience...): the function fails
 *       with {@code Unauthorized}, answered with 401;</li>
 *   <li>a valid token of a user who is not an administrator: a Deny policy, answered with 403;</li>
 *   <li>an administrator's token: an Allow policy on this method, with the user in the context, which the broadcast
 *       function reads to name the sender.</li>
 * </ul>
 * The token itself is never logged.
 */
public final class BroadcastAuthorizerHandler
        implements RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1> {

    /** The header the token travels in, as {@code Bearer <token>}. */
    public static final String TOKEN_HEADER = "Authorization";
    /** The authorizer's identity source: API Gateway answers 401 itself, without invoking it, when this is missing. */
    public static final String IDENTITY_SOURCE = "method.request.header." + TOKEN_HEADER;
    public static final String HANDLER = BroadcastAuthorizerHandler.class.getName() + "::handleRequest";
    static final String BEARER = "bearer ";

    private final TokenVerifier verifier;

    /** What Lambda calls: the secret is read here, once per execution environment (before a SnapStart snapshot). */
    public BroadcastAuthorizerHandler() {
        this(ExecutionEnvironment.authComponent().tokenVerifier());
    }

    BroadcastAuthorizerHandler(TokenVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /** An authorizer checking tokens with {@code component}'s secret and rules, as the local gateway runs it. */
    public static BroadcastAuthorizerHandler create(AuthComponent component) {
        return new BroadcastAuthorizerHandler(component.tokenVerifier());
    }

    @Override
    public IamPolicyResponseV1 handleRequest(APIGatewayCustomAuthorizerEvent event, Context context) {
        String methodArn = AuthorizerHandler.methodArn(event, "the TOKEN authorizer of the broadcast endpoint");
        String header = event.getAuthorizationToken() == null ? "" : event.getAuthorizationToken().strip();
        if (!header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            context.getLogger().log("refused " + methodArn + ": the Authorization header is not 'Bearer <token>'",
                    LogLevel.INFO);
            throw new AuthorizerHandler.Unauthorized();
        }
        Principal principal;
        try {
            principal = verifier.verify(header.substring(BEARER.length()).strip());
        } catch (InvalidTokenException invalid) {
            context.getLogger().log("refused " + methodArn + ": " + invalid.reason() + ", " + invalid.getMessage(),
                    LogLevel.WARN);
            throw new AuthorizerHandler.Unauthorized();
        }
        if (principal.role() != Role.ADMIN) {
            context.getLogger().log("denied user " + principal.userId() + " on " + methodArn + ": not an administrator",
                    LogLevel.WARN);
            return AuthorizerHandler.policy(principal.userId().value(), IamPolicyResponseV1.denyStatement(methodArn),
                    Map.of());
        }
        context.getLogger().log("allowed administrator " + principal.userId() + " on " + methodArn, LogLevel.INFO);
        return AuthorizerHandler.policy(principal.userId().value(), IamPolicyResponseV1.allowStatement(methodArn),
                AuthorizerContext.of(principal));
    }
}
