package dev.parley.local.gateway.sqs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/** ElasticMQ in this JVM, on a free loopback port, speaking the SQS API (JSON protocol included). */
public final class EmbeddedSqs implements AutoCloseable {

    private final SQSRestServer server;
    private final URI endpoint;

    private EmbeddedSqs(SQSRestServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    /** Starts it, and waits until it listens. */
    public static EmbeddedSqs start() {
        int port = freeLoopbackPort();
        // The node address is what queue URLs are made of: the port it listens on, not ElasticMQ's default 9324.
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1")
                .withPort(port)
                .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
                .start();
        try {
            server.waitUntilStarted();
        } catch (RuntimeException failed) {
            server.stopAndWait();
            throw new IllegalStateException("ElasticMQ did not start on 127.0.0.1:" + port + ": " + failed, failed);
        }
        return new EmbeddedSqs(server, URI.create("http://127.0.0.1:" + port));
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        server.stopAndWait();
    }

    private static int freeLoopbackPort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException noPort) {
            throw new UncheckedIOException("no free loopback port for ElasticMQ", noPort);
        }
    }
}
