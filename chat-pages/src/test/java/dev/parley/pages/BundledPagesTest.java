package dev.parley.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledPagesTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void withoutAFolder_theBundledChatAndBroadcastPagesAreServed_indexAtTheRoot() throws Exception {
        Server server = serving(Optional.empty());
        try {
            HttpResponse<String> index = get(server, "/");
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.body()).isEqualTo(Files.readString(Path.of("../chat-web/src/main/web/index.html")));
            assertThat(get(server, "/broadcast.html").statusCode()).isEqualTo(200);
            assertThat(get(server, "/missing.html").statusCode()).isEqualTo(404);
        } finally {
            server.stop();
        }
    }

    @Test
    void givenAFolder_itsFilesAreServed_neverAListing(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("index.html"), "<p>mine</p>");
        Files.createDirectory(folder.resolve("assets"));
        Files.writeString(folder.resolve("assets/a.css"), "p {}");
        Server server = serving(Optional.of(folder));
        try {
            assertThat(get(server, "/").body()).isEqualTo("<p>mine</p>");
            assertThat(get(server, "/assets/a.css").body()).isEqualTo("p {}");
            assertThat(get(server, "/assets/").statusCode()).isIn(403, 404);
        } finally {
            server.stop();
        }
    }

    private static Server serving(Optional<Path> folder) throws Exception {
        var server = new Server();
        var connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(BundledPages.handler(server, folder));
        server.start();
        return server;
    }

    private HttpResponse<String> get(Server server, String path) throws Exception {
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
