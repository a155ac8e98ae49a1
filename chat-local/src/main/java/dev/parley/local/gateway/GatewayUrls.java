package dev.parley.local.gateway;

import java.net.URI;
import java.util.Objects;

/**
 * Where the gateway answers, as seen from {@code authority} ({@code host:port}).
 *
 * @param authority the host and port clients use, such as {@code 127.0.0.1:8080}
 * @param stage the WebSocket API's stage
 * @param restStage the REST API's stage
 */
public record GatewayUrls(String authority, String stage, String restStage) {

    public GatewayUrls {
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(restStage, "REST stage");
    }

    /** The WebSocket API, such as {@code ws://127.0.0.1:8080/production}. */
    public URI webSocket() {
        return URI.create("ws://" + authority + "/" + stage);
    }

    /** The {@code @connections} base URL the handlers call back, such as {@code http://127.0.0.1:8080/production}. */
    public URI callback() {
        return URI.create("http://" + authority + "/" + stage);
    }

    /** A REST resource, such as {@code http://127.0.0.1:8080/dev/broadcastmessage}. */
    public URI rest(String resource) {
        return URI.create("http://" + authority + "/" + restStage + "/" + resource);
    }

    /** The static pages, such as {@code http://127.0.0.1:8080/}. */
    public URI pages() {
        return URI.create("http://" + authority + "/");
    }
}
