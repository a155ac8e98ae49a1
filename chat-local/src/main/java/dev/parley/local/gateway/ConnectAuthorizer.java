package dev.parley.local.gateway;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import dev.parley.local.gateway.lambda.LambdaRuntime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpStatus;

/**
 * A Lambda REQUEST authorizer on {@code $connect}, run as API Gateway runs one, with its identity source in the query
 * string ({@code route.request.querystring.NAME}):
 * <ul>
 *   <li>the identity source is missing or empty: 401, without invoking the function;</li>
 *   <li>the function fails with the message {@code Unauthorized}: 401; with anything else: 500;</li>
 *   <li>its policy does not allow {@code execute-api:Invoke} on this API's {@code $connect}, or denies it: 403;</li>
 *   <li>an answer API Gateway cannot use (no principal id, no policy, a context value that is not a string, number or
 *       boolean): 500;</li>
 *   <li>otherwise the connection goes ahead, and its principal id and context reach every route of it as
 *       {@code requestContext.authorizer}.</li>
 * </ul>
 */
final class ConnectAuthorizer {

    /** The error message API Gateway turns into 401. */
    static final String UNAUTHORIZED = "Unauthorized";
    private static final String INVOKE = "execute-api:Invoke";

    /** What the authorizer decided for one handshake. */
    sealed interface Decision permits Allowed, Refused {}

    /** The connection goes ahead, with what API Gateway passes on in {@code requestContext.authorizer}. */
    record Allowed(Map<String, Object> authorizer) implements Decision {}

    /** The handshake is refused with this HTTP status. */
    record Refused(int status) implements Decision {}

    private final RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1> handler;
    private final String identityParameter;
    private final WebSocketEvents events;
    private final LambdaRuntime runtime;
    private final GatewayLog log;

    ConnectAuthorizer(RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1> handler, String identityParameter,
            WebSocketEvents events, LambdaRuntime runtime, GatewayLog log) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.identityParameter = Objects.requireNonNull(identityParameter, "identity parameter");
        this.events = events;
        this.runtime = runtime;
        this.log = log;
    }

    /** Runs the authorizer for the handshake of {@code connection}, in the calling thread. */
    Decision authorize(ConnectionInfo connection, Map<String, List<String>> headers, Map<String, List<String>> query) {
        List<String> identity = query.getOrDefault(identityParameter, List.of());
        if (identity.isEmpty() || identity.get(identity.size() - 1).isEmpty()) {
            return refused(log, "authorizer", connection.connectionId(), HttpStatus.UNAUTHORIZED_401, 0,
                    "no " + identityParameter + " in the query string");
        }
        APIGatewayCustomAuthorizerEvent event = events.authorizerRequest(connection, headers, query);
        return decide(handler, event, event.getRequestContext().getRequestId(), runtime, log, "authorizer",
                connection.connectionId());
    }

    /**
     * Invokes {@code handler} with {@code event} in the calling thread and reads its answer as API Gateway does, for
     * REQUEST and TOKEN authorizers alike (a TOKEN event has no request context: the invocation's id is
     * {@code requestId}); logged as {@code what} for {@code logId}.
     */
    static Decision decide(RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1> handler,
            APIGatewayCustomAuthorizerEvent event, String requestId, LambdaRuntime runtime, GatewayLog log, String what,
            String logId) {
        long started = System.nanoTime();
        IamPolicyResponseV1 answer;
        try {
            answer = runtime.invoke(handler, event, requestId);
        } catch (LambdaRuntime.FunctionError failure) {
            boolean unauthorized = failure.getCause() != null && UNAUTHORIZED.equals(failure.getCause().getMessage());
            return refused(log, what, logId, unauthorized ? HttpStatus.UNAUTHORIZED_401 : HttpStatus.INTERNAL_SERVER_ERROR_500,
                    millisSince(started), unauthorized ? UNAUTHORIZED : "function error");
        }
        long latency = millisSince(started);
        if (answer == null || answer.getPrincipalId() == null || answer.getPrincipalId().isBlank()) {
            return refused(log, what, logId, HttpStatus.INTERNAL_SERVER_ERROR_500, latency, "no principalId in the answer");
        }
        Optional<Boolean> allowed = allows(answer, event.getMethodArn());
        if (allowed.isEmpty()) {
            return refused(log, what, logId, HttpStatus.INTERNAL_SERVER_ERROR_500, latency, "no usable policy in the answer");
        }
        if (!allowed.get()) {
            return refused(log, what, logId, HttpStatus.FORBIDDEN_403, latency, "denied");
        }
        Map<String, Object> context = Optional.ofNullable(answer.getContext()).orElse(Map.of());
        if (!context.values().stream().allMatch(ConnectAuthorizer::isPrimitive)) {
            return refused(log, what, logId, HttpStatus.INTERNAL_SERVER_ERROR_500, latency,
                    "context values must be strings, numbers or booleans");
        }
        Map<String, Object> authorizer = new LinkedHashMap<>(context);
        authorizer.put("principalId", answer.getPrincipalId());
        authorizer.put("integrationLatency", latency);
        log.invocation(what, logId, HttpStatus.OK_200, latency, "principalId=" + answer.getPrincipalId());
        return new Allowed(authorizer);
    }

    static Refused refused(GatewayLog log, String what, String logId, int status, long millis, String why) {
        log.invocation(what, logId, status, millis, why);
        return new Refused(status);
    }

    /**
     * Whether the policy allows invoking {@code methodArn}: an Allow statement matches it and no Deny does, IAM's
     * {@code *} and {@code ?} wildcards included. Empty when there is no policy to evaluate.
     */
    static Optional<Boolean> allows(IamPolicyResponseV1 answer, String methodArn) {
        Map<String, Object> document;
        try {
            document = answer.getPolicyDocument();
        } catch (RuntimeException noPolicy) {
            return Optional.empty();
        }
        List<Object> statements = items(document.get("Statement"));
        if (statements.isEmpty()) {
            return Optional.empty();
        }
        boolean allowed = false;
        for (Object item : statements) {
            if (!(item instanceof Map<?, ?> statement)) {
                return Optional.empty();
            }
            boolean applies = items(statement.get("Action")).stream().anyMatch(action -> matches(action, INVOKE, true))
                    && items(statement.get("Resource")).stream().anyMatch(resource -> matches(resource, methodArn, false));
            if (applies && "Deny".equals(statement.get("Effect"))) {
                return Optional.of(false);
            }
            allowed |= applies && "Allow".equals(statement.get("Effect"));
        }
        return Optional.of(allowed);
    }

    private static boolean matches(Object pattern, String value, boolean ignoreCase) {
        if (!(pattern instanceof String text)) {
            return false;
        }
        String regex = Arrays.stream(text.split("((?<=[*?])|(?=[*?]))"))
                .map(part -> part.equals("*") ? ".*" : part.equals("?") ? "." : Pattern.quote(part))
                .collect(Collectors.joining());
        return Pattern.compile(regex, ignoreCase ? Pattern.CASE_INSENSITIVE : 0).matcher(value).matches();
    }

    /** IAM's one-or-many: a single value, an array or a list. */
    private static List<Object> items(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Object[] array) {
            return Arrays.asList(array);
        }
        if (value instanceof Collection<?> collection) {
            return new ArrayList<>(collection);
        }
        return List.of(value);
    }

    private static boolean isPrimitive(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
