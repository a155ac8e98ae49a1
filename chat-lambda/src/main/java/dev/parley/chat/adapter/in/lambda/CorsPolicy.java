package dev.parley.chat.adapter.in.lambda;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which methods and request headers a page on another origin may use on a REST resource: the one source of the
 * broadcast API's CORS. API Gateway answers the preflight itself, so the deployment configures its preflight and its
 * own error responses from this, the local gateway answers them from this, and the handler adds
 * {@link #responseHeaders(String)} to its answers.
 *
 * @param allowedMethods the methods besides {@code OPTIONS}, such as {@code POST}
 * @param allowedHeaders the request headers a page may send, such as {@code Content-Type}
 */
public record CorsPolicy(List<String> allowedMethods, List<String> allowedHeaders) {

    public static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    public static final String ALLOW_METHODS = "Access-Control-Allow-Methods";
    public static final String ALLOW_HEADERS = "Access-Control-Allow-Headers";
    /** Every origin; the default outside a deployment, where the pages and the API share no fixed origin. */
    public static final String ANY_ORIGIN = "*";

    public CorsPolicy {
        allowedMethods = List.copyOf(Objects.requireNonNull(allowedMethods, "allowed methods"));
        allowedHeaders = List.copyOf(Objects.requireNonNull(allowedHeaders, "allowed headers"));
        if (allowedMethods.isEmpty()) {
            throw new IllegalArgumentException("a CORS policy allows at least one method");
        }
    }

    /**
     * The headers of the answer to a preflight from a page on {@code origin}: what API Gateway's own preflight (CDK's
     * {@code defaultCorsPreflightOptions}, a mock integration) sends for this policy.
     */
    public Map<String, String> preflightHeaders(String origin) {
        Map<String, String> headers = new LinkedHashMap<>(responseHeaders(origin));
        headers.put(ALLOW_HEADERS, String.join(",", allowedHeaders));
        headers.put(ALLOW_METHODS, String.join(",", allowedMethods));
        return Map.copyOf(headers);
    }

    /**
     * The headers every other answer carries so that a page on {@code origin} may read it, errors included. Naming one
     * origin makes the answer depend on the request's {@code Origin}, which caches must know.
     */
    public static Map<String, String> responseHeaders(String origin) {
        Objects.requireNonNull(origin, "origin");
        return ANY_ORIGIN.equals(origin) ? Map.of(ALLOW_ORIGIN, origin) : Map.of(ALLOW_ORIGIN, origin, "Vary", "Origin");
    }
}
