package dev.parley.local.gateway;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/** Reading Jetty requests into API Gateway's shapes, and writing JSON answers. */
final class HttpExchanges {

    /** The header the AWS SDKs read the exception type from. */
    static final String ERROR_TYPE_HEADER = "x-amzn-ErrorType";

    private HttpExchanges() {}

    /**
     * Every header, values of a repeated name together, in arrival order, with the {@code X-Forwarded-*} headers
     * API Gateway adds for its integrations.
     */
    static Map<String, List<String>> headers(Request request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
        }
        headers.putIfAbsent("X-Forwarded-For", List.of(Request.getRemoteAddr(request)));
        headers.putIfAbsent("X-Forwarded-Port", List.of(Integer.toString(Request.getLocalPort(request))));
        headers.putIfAbsent("X-Forwarded-Proto", List.of(request.isSecure() ? "https" : "http"));
        return headers;
    }

    /** API Gateway's single-value maps keep the last value of a repeated name. */
    static Map<String, String> lastValues(Map<String, List<String>> multiValues) {
        Map<String, String> last = new LinkedHashMap<>();
        multiValues.forEach((name, values) -> last.put(name, values.get(values.size() - 1)));
        return last;
    }

    /** The decoded query string parameters, values of a repeated name together. */
    static Map<String, List<String>> query(Request request) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (Fields.Field field : Request.extractQueryParameters(request, StandardCharsets.UTF_8)) {
            query.put(field.getName(), List.copyOf(field.getValues()));
        }
        return query;
    }

    static String header(Request request, HttpHeader header) {
        return Optional.ofNullable(request.getHeaders().get(header)).orElse("");
    }

    /** The host the client addressed, as API Gateway's {@code domainName}. */
    static String host(Request request) {
        String host = request.getHeaders().get(HttpHeader.HOST);
        return host == null || host.isBlank() ? Request.getServerName(request) : host;
    }

    /** The text when the bytes are valid UTF-8. */
    static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }

    static String json(Map<String, ?> object) {
        try {
            return JSON.std.asString(object);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON for " + object, e);
        }
    }

    static void reply(Response response, Callback callback, int status, String contentType, String body) {
        response.setStatus(status);
        if (body == null) {
            callback.succeeded();
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.write(true, StandardCharsets.UTF_8.encode(body), callback);
    }

    /** An API Gateway error: the status, the exception type header the SDKs map, and {@code {"message": ...}}. */
    static void replyError(Response response, Callback callback, int status, String errorType, String message) {
        response.getHeaders().put(ERROR_TYPE_HEADER, errorType);
        reply(response, callback, status, "application/json", json(Map.of("message", message)));
    }
}
