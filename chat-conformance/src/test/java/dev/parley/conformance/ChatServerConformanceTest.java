package dev.parley.conformance;

import dev.parley.chat.server.ChatServer;
import dev.parley.chat.server.ServerOptions;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;

/** The protocol on chat-server: the use cases behind its own Jetty socket. */
class ChatServerConformanceTest extends ProtocolConformance {

    @Override
    Transport start() {
        ChatServer server;
        try {
            server = ChatServer.start(ServerOptions.parse("--port", "0"), new PrintStream(OutputStream.nullOutputStream()));
        } catch (Exception failure) {
            throw new IllegalStateException("chat-server did not start", failure);
        }
        return new Transport() {
            @Override
            public URI chat(String name) {
                return URI.create("ws://127.0.0.1:" + server.port() + "/chat?" + query(name));
            }

            @Override
            public URI broadcast() {
                return URI.create("http://127.0.0.1:" + server.port() + "/broadcastmessage");
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }
}
