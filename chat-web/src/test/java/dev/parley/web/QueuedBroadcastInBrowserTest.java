package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.dynalite.Dynalite;
import dev.parley.dynalite.DynaliteOptions;
import dev.parley.web.BroadcastPage.Report;
import dev.parley.web.ChatPage.Shown;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A broadcast beyond the inline limit in headless Chromium: the broadcast page shows the queued broadcast's progress,
 * polling its status, and then the report; the chat pages each show it once.
 */
class QueuedBroadcastInBrowserTest {

    private static Dynalite dynalite;
    private static Browser annBrowser;
    private static Browser bobBrowser;
    private static Browser opsBrowser;

    @BeforeAll
    static void start() {
        dynalite = Dynalite.start(DynaliteOptions.inMemory());
        annBrowser = Browser.start();
        bobBrowser = Browser.start();
        opsBrowser = Browser.start();
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable started : new AutoCloseable[] {annBrowser, bobBrowser, opsBrowser, dynalite}) {
            if (started != null) {
                started.close();
            }
        }
    }

    @Test
    void givenAnAudienceBeyondTheInlineLimit_broadcastPage_showsTheProgressThenTheReport() throws Exception {
        // Every audience is queued, and each send takes a while, so the page has progress to show.
        try (LocalParley parley = LocalParley.start(dynalite, "--broadcast-inline-limit", "0",
                "--callback-latency-ms", "1500")) {
            ChatPage ann = ChatPage.joined(annBrowser, parley.pages(), "Ann");
            ChatPage bob = ChatPage.joined(bobBrowser, parley.pages(), "Bob");
            BroadcastPage broadcast = BroadcastPage.open(opsBrowser, parley.pages());
            int sentBefore = broadcast.sentCountNow();

            broadcast.send("Through the queue");

            assertThat(broadcast.awaitProgress()).matches("(Queued|Running)\\|0/[12]");
            Path shot = opsBrowser.screenshot("queued-broadcast-progress");
            assertThat(Files.size(shot)).isPositive();
            Report report = broadcast.awaitReport(sentBefore);
            assertThat(report).isEqualTo(new Report(2, 2, 0, 0, "Delivered to all 2 connections."));
            opsBrowser.screenshot("queued-broadcast-report");
            for (ChatPage page : List.of(ann, bob)) {
                assertThat(page.await("broadcast", "Through the queue").author()).isEmpty();
                assertThat(page.shown()).extracting(Shown::text).containsOnlyOnce("Through the queue");
            }
        }
    }
}
