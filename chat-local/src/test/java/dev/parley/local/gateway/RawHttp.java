package dev.parley.local.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 request written by hand, for what {@code java.net.http} will not send, such as a {@code Host} header of
 * the test's choosing (DNS rebinding).
 */
public final class RawHttp {

    /** The status line and the body of an answer. */
    public record Answer(int status, String head, String body) {}

    private RawHttp() {}

    /** Sends {@code method path} to the loopback {@code port} with this {@code Host}, and the extra header lines. */
    public static Answer send(int port, String method, String path, String host, String... headerLines)
            throws IOException {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            var request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n");
            for (String line : headerLines) {
                request.append(line).append("\r\n");
            }
            request.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            InputStream in = socket.getInputStream();
            String head = head(in);
            int status = Integer.parseInt(head.split(" ", 3)[1]);
            // After 101 the connection is a WebSocket's and stays open; any other answer ends with the connection.
            String body = status == 101 ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Answer(status, head, body);
        }
    }

    /** The status line and headers, read up to the blank line. */
    private static String head(InputStream in) throws IOException {
        var head = new StringBuilder();
        while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("the connection ended within the head: " + head);
            }
            head.append((char) next);
        }
        return head.substring(0, head.length() - 4);
    }
}
