package dev.parley.local;

import java.time.Instant;
import java.util.Objects;

/**
 * What API Gateway knows of a connection from its handshake, repeated in every event of the connection.
 *
 * @param connectionId the id, such as {@code L0SM9cOFvHcCIhw=}
 * @param connectedAt when the handshake arrived
 * @param sourceIp the client's address
 * @param userAgent the client's {@code User-Agent}, or empty
 * @param domainName the host the client connected to
 */
record ConnectionInfo(String connectionId, Instant connectedAt, String sourceIp, String userAgent, String domainName) {

    ConnectionInfo {
        Objects.requireNonNull(connectionId, "connection id");
        Objects.requireNonNull(connectedAt, "connected at");
        Objects.requireNonNull(sourceIp, "source ip");
        Objects.requireNonNull(userAgent, "user agent");
        Objects.requireNonNull(domainName, "domain name");
    }
}
