package dev.parley.local;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.parley.local.gateway.GatewayUrls;
import dev.parley.local.gateway.TestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/** What end-to-end tests send Parley besides WebSocket frames, and how they read its JSON answers. */
final class ParleyCalls {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TestClient.WAIT).build();

    private ParleyCalls() {}

    /**
     * A presence frame: every connection joins the lobby, so the tests of messages and broadcasts see one for each
     * client that connects or leaves after theirs, and drop them.
     */
    static final Predicate<String> PRESENCE = text -> text.startsWith("{\"type\":\"presence\",");

    /** Joins the chat under {@code name}, blind to presence frames. */
    static TestClient connect(GatewayUrls urls, String name) {
        return connect(URI.create(urls.webSocket() + "?name=" + name));
    }

    /** Connects to {@code uri}, blind to presence frames. */
    static TestClient connect(URI uri) {
        return TestClient.connect(uri, PRESENCE);
    }

    /** A {@code sendMessage} frame whose answer echoes {@code clientId}. */
    static String sendMessage(String text, String clientId) {
        return "{\"action\":\"sendMessage\",\"Message\":\"" + text + "\",\"clientId\":\"" + clientId + "\"}";
    }

    /** {@code POST /broadcastmessage}, answered within twice the clients' wait. */
    static CompletableFuture<HttpResponse<String>> broadcast(GatewayUrls urls, String message) {
        return HTTP.sendAsync(HttpRequest.newBuilder(urls.rest("broadcastmessage"))
                        .timeout(TestClient.WAIT.multipliedBy(2))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"" + message + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, Object> json(String text) {
        try {
            return JSON.std.mapFrom(text);
        } catch (IOException notJson) {
            throw new UncheckedIOException("not a JSON object: " + text, notJson);
        }
    }
}
