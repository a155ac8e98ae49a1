package dev.parley.local.gateway;

import java.util.Map;
import java.util.Objects;

/**
 * A REST resource's CORS as API Gateway answers it without calling the function: the preflight ({@code OPTIONS}, a
 * mock integration with fixed headers) and the headers on the gateway's own error answers (its default 4XX and 5XX
 * gateway responses), such as a missing API key.
 *
 * @param preflightHeaders the headers of the {@code 204} answer to every {@code OPTIONS} request
 * @param errorHeaders the headers added to the gateway's own error answers
 */
public record RestCors(Map<String, String> preflightHeaders, Map<String, String> errorHeaders) {

    public RestCors {
        preflightHeaders = Map.copyOf(Objects.requireNonNull(preflightHeaders, "preflight headers"));
        errorHeaders = Map.copyOf(Objects.requireNonNull(errorHeaders, "error headers"));
    }
}
