package dev.parley.local.gateway;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import dev.parley.local.gateway.ConnectAuthorizer.Decision;
import dev.parley.local.gateway.lambda.LambdaRuntime;
import java.util.Objects;
import org.eclipse.jetty.http.HttpStatus;

/**
 * A Lambda TOKEN authorizer on every REST API method, with its identity source in a header
 * ({@code method.request.header.NAME}), run as API Gateway runs one: the header missing or empty is 401 without
 * invoking the function; then as {@link ConnectAuthorizer#decide} reads the answer, and an allowed request's principal
 * id and context reach the function as {@code requestContext.authorizer}.
 */
final class RestAuthorizer {

    private final RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1> handler;
    private final String identityHeader;
    private final ProxyEvents events;
    private final LambdaRuntime runtime;
    private final GatewayLog log;

    RestAuthorizer(RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1> handler, String identityHeader,
            ProxyEvents events, LambdaRuntime runtime, GatewayLog log) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.identityHeader = Objects.requireNonNull(identityHeader, "identity header");
        this.events = events;
        this.runtime = runtime;
        this.log = log;
    }

    String identityHeader() {
        return identityHeader;
    }

    /** Runs the authorizer for {@code method /{resource}} called with {@code token} (null when absent), in the calling thread. */
    Decision authorize(String method, String resource, String token, String requestId) {
        String what = "authorizer " + method + " /" + resource;
        if (token == null || token.isEmpty()) {
            return ConnectAuthorizer.refused(log, what, "-", HttpStatus.UNAUTHORIZED_401, 0,
                    "no " + identityHeader + " header");
        }
        return ConnectAuthorizer.decide(handler, events.tokenAuthorizerRequest(method, resource, token), requestId,
                runtime, log, what, "-");
    }
}
