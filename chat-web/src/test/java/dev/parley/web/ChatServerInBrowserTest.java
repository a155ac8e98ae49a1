package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.server.ChatServer;
import dev.parley.chat.server.ServerOptions;
import dev.parley.web.BroadcastPage.Report;
import dev.parley.web.ChatPage.Shown;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/**
 * The pages served by {@code chat-server} (no AWS, nothing emulated), in headless Chromium: two people chat, one sends
 * the other a direct message, and a third browser broadcasts from the broadcast page.
 */
class ChatServerInBrowserTest {

    private static ChatServer server;
    private static Browser annBrowser;
    private static Browser bobBrowser;
    private static Browser operatorBrowser;

    @BeforeAll
    static void start() throws Exception {
        server = ChatServer.start(ServerOptions.parse("--port", "0"), new PrintStream(OutputStream.nullOutputStream()));
        annBrowser = Browser.start();
        bobBrowser = Browser.start();
        operatorBrowser = Browser.start();
    }

    @AfterAll
    static void stop() {
        for (Browser browser : List.of(annBrowser, bobBrowser, operatorBrowser)) {
            browser.close();
        }
        server.close();
    }

    @Test
    void twoBrowsersChatSendADirectMessageAndReceiveABroadcast() throws Exception {
        URI pages = URI.create("http://127.0.0.1:" + server.port() + "/");
        ChatPage ann = ChatPage.joined(annBrowser, pages, "Ann");
        ChatPage bob = ChatPage.joined(bobBrowser, pages, "Bob");

        ann.send("Hello Bob, from chat-server");
        Shown atBob = bob.await("other", "Hello Bob, from chat-server");
        assertThat(atBob.author()).isEqualTo("Ann");
        assertThat(ann.awaitDelivery("Hello Bob, from chat-server")).isEqualTo("Delivered to 1 person");

        bob.sendTo("Ann", "Just between us");
        Shown atAnn = ann.await("other", "Just between us");
        assertThat(atAnn.direct()).isTrue();
        assertThat(atAnn.badge()).isEqualTo("Direct to you");
        assertThat(bob.awaitDelivery("Just between us")).isEqualTo("Delivered to Ann");

        Report report = BroadcastPage.open(operatorBrowser, pages).broadcast("Maintenance at noon");
        assertThat(report).isEqualTo(new Report(2, 2, 0, 0, "Delivered to all 2 connections."));
        for (ChatPage page : List.of(ann, bob)) {
            assertThat(page.await("broadcast", "Maintenance at noon").author()).isEmpty();
        }

        byte[] screenshot = ((TakesScreenshot) annBrowser.driver()).getScreenshotAs(OutputType.BYTES);
        Files.write(Path.of("target", "chat-server-ann.png"), screenshot);
    }
}
