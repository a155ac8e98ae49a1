package dev.parley.local.gateway;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What API Gateway knows of a connection from its handshake, repeated in every event of the connection.
 *
 * @param connectionId the id, such as {@code L0SM9cOFvHcCIhw=}
 * @param connectedAt when the handshake arrived
 * @param sourceIp the client's address
 * @param userAgent the client's {@code User-Agent}, or empty
 * @param domainName the host the client connected to
 * @param authorizer what the {@code $connect} authorizer allowed the connection with ({@code principalId}, its context,
 *        {@code integrationLatency}); empty without an authorizer
 */
record ConnectionInfo(String connectionId, Instant connectedAt, String sourceIp, String userAgent, String domainName,
        Map<String, Object> authorizer) {

    ConnectionInfo {
        Objects.requireNonNull(connectionId, "connection id");
        Objects.requireNonNull(connectedAt, "connected at");
        Objects.requireNonNull(sourceIp, "source ip");
        Objects.requireNonNull(userAgent, "user agent");
        Objects.requireNonNull(domainName, "domain name");
        authorizer = Map.copyOf(authorizer);
    }

    /** The same connection, as its authorizer allowed it. */
    ConnectionInfo withAuthorizer(Map<String, Object> allowed) {
        return new ConnectionInfo(connectionId, connectedAt, sourceIp, userAgent, domainName, allowed);
    }
}
