package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.dynalite.Dynalite;
import dev.parley.dynalite.DynaliteOptions;
import dev.parley.web.BroadcastPage.Report;
import dev.parley.web.ChatPage.Shown;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The chat and broadcast pages in headless Chromium, against all of Parley on the local gateway: three browsers, one
 * per person, shared by the tests; a fresh gateway and table for each test.
 */
class ChatPagesInBrowserTest {

    private static final String ALERTING = "<img src=x onerror=alert(1)>";
    private static final String FLAGGING = "<img src=x onerror=\"window.parleyXss=1\">";

    private static Dynalite dynalite;
    private static Browser annBrowser;
    private static Browser bobBrowser;
    private static Browser cidBrowser;

    private LocalParley parley;

    @BeforeAll
    static void startBrowsers() {
        dynalite = Dynalite.start(DynaliteOptions.inMemory());
        annBrowser = Browser.start();
        bobBrowser = Browser.start();
        cidBrowser = Browser.start();
    }

    @AfterAll
    static void stopBrowsers() {
        for (AutoCloseable started : new AutoCloseable[] {annBrowser, bobBrowser, cidBrowser, dynalite}) {
            if (started != null) {
                try {
                    started.close();
                } catch (Exception e) {
                    throw new IllegalStateException("could not stop " + started, e);
                }
            }
        }
    }

    @BeforeEach
    void startParley() {
        parley = LocalParley.start(dynalite);
    }

    @AfterEach
    void stopParley() {
        try {
            for (Browser browser : List.of(annBrowser, bobBrowser, cidBrowser)) {
                browser.reset();
            }
        } finally {
            parley.close();
        }
    }

    @Test
    void givenTwoChatPages_chattingBothWays_eachShowsTheOthersMessagesWithNameTimeAndDelivery() {
        // Ann uses the keyboard alone: the name field has the focus, Enter joins, and the message box is next.
        ChatPage ann = ChatPage.open(annBrowser, parley.pages());
        assertThat(ann.focusedId()).isEqualTo("name");
        ann.type("Ann", Keys.ENTER);
        ann.awaitState("online");
        assertThat(ann.statusText()).isEqualTo("Online");
        assertThat(ann.focusedId()).isEqualTo("text");
        ChatPage bob = ChatPage.joined(bobBrowser, parley.pages(), "Bob");

        ann.type("Hello Bob, how are you?", Keys.ENTER);

        Shown atBob = bob.await("other", "Hello Bob, how are you?");
        assertThat(atBob.author()).isEqualTo("Ann");
        assertThat(atBob.time()).matches("\\d{1,2}:\\d{2}( [AP]M)?");
        assertThat(atBob.direct()).isFalse();
        assertThat(ann.awaitDelivery("Hello Bob, how are you?")).isEqualTo("Delivered to 1 person");

        bob.type("Fine, thanks!", Keys.chord(Keys.SHIFT, Keys.ENTER), "And you?", Keys.ENTER);

        Shown atAnn = ann.await("other", "Fine, thanks!\nAnd you?");
        assertThat(atAnn.author()).isEqualTo("Bob");
        assertThat(bob.awaitDelivery("Fine, thanks!\nAnd you?")).isEqualTo("Delivered to 1 person");
        assertThat(bob.find("other", "Fine, thanks!\nAnd you?")).isEmpty();
        assertThat(ann.recipients()).containsExactly("Everyone", "Bob");
        assertThat(bob.recipients()).containsExactly("Everyone", "Ann");
    }

    @Test
    void givenThreeChatPages_directMessage_reachesOnlyItsTargetAndOneToSomeoneGoneIsRefusedInWords() throws Exception {
        ChatPage ann = ChatPage.joined(annBrowser, parley.pages(), "Ann");
        ChatPage bob = ChatPage.joined(bobBrowser, parley.pages(), "Bob");
        ChatPage cid = ChatPage.joined(cidBrowser, parley.pages(), "Cid");
        bob.send("Bob here");
        ann.await("other", "Bob here");

        ann.sendTo("Bob", "Just between us");

        assertThat(ann.awaitDelivery("Just between us")).isEqualTo("Delivered to Bob");
        assertThat(ann.find("own", "Just between us").orElseThrow().badge()).isEqualTo("Direct to Bob");
        Shown atBob = bob.await("other", "Just between us");
        assertThat(atBob.author()).isEqualTo("Ann");
        assertThat(atBob.direct()).isTrue();
        assertThat(atBob.badge()).isEqualTo("Direct to you");
        // Sent after the direct message was delivered: once Cid has this, Cid would have had the other one too.
        ann.sendTo("Everyone", "Hello everyone");
        assertThat(cid.await("other", "Hello everyone").direct()).isFalse();
        assertThat(cid.shown()).extracting(Shown::text).doesNotContain("Just between us");
        assertThat(ann.awaitDelivery("Hello everyone")).isEqualTo("Delivered to 2 people");

        String bobsConnection = ann.connectionIdOf("Bob");
        bob.leave();
        parley.awaitDisconnected(bobsConnection);
        ann.sendTo("Bob", "Are you still there?");

        assertThat(ann.awaitDelivery("Are you still there?")).isEqualTo("Not delivered. Bob is no longer connected.");
        // Bob is gone; Cid, who never wrote, is known from his presence in the lobby.
        assertThat(ann.recipients()).containsExactly("Everyone", "Cid");
        assertThat(ann.state()).isEqualTo("online");
    }

    @Test
    void givenTwoChatPages_broadcastFromTheBroadcastPage_reachesBothAndReportsTheCounts() throws Exception {
        ChatPage ann = ChatPage.joined(annBrowser, parley.pages(), "Ann");
        ChatPage bob = ChatPage.joined(bobBrowser, parley.pages(), "Bob");
        BroadcastPage broadcast = BroadcastPage.open(cidBrowser, parley.pages());

        Report report = broadcast.broadcast("Maintenance at noon");

        assertThat(report).isEqualTo(new Report(2, 2, 0, 0, "Delivered to all 2 connections."));
        for (ChatPage page : List.of(ann, bob)) {
            assertThat(page.await("broadcast", "Maintenance at noon").author()).isEmpty();
        }
        assertThat(broadcast.lastSent()).isEqualTo("Maintenance at noon");

        bob.send("Off for lunch");
        ann.await("other", "Off for lunch");
        String bobsConnection = ann.connectionIdOf("Bob");
        bob.leave();
        parley.awaitDisconnected(bobsConnection);
        assertThat(broadcast.broadcast("Back at one")).isEqualTo(new Report(1, 1, 0, 0,
                "Delivered to the one connection."));
        ann.await("broadcast", "Back at one");
    }

    @Test
    void givenTheSameFramesPostedTwice_chatPage_showsEachOnce() throws Exception {
        ChatPage ann = ChatPage.joined(annBrowser, parley.pages(), "Ann");
        ChatPage bob = ChatPage.joined(bobBrowser, parley.pages(), "Bob");
        // A page does not know its own connection id; Ann's learns Bob's from his message.
        bob.send("Bob here");
        ann.await("other", "Bob here");
        String bobsConnection = ann.connectionIdOf("Bob");
        String message = messageFrame(UUID.randomUUID(), "Delivered twice");
        String broadcast = """
                {"type":"broadcast","id":"%s","message":"Broadcast twice","sentAt":"%s"}"""
                .formatted(UUID.randomUUID(), Instant.now());
        // Without an id a repeat cannot be told from a new frame, so both are shown.
        String withoutId = """
                {"type":"broadcast","message":"Without an id","sentAt":"%s"}""".formatted(Instant.now());

        // As the publisher does when a post outlasts its timeout after all and is retried.
        for (String frame : List.of(message, message, broadcast, broadcast, withoutId, withoutId,
                messageFrame(UUID.randomUUID(), "Delivered once"))) {
            assertThat(parley.post(bobsConnection, frame)).isEqualTo(200);
        }

        // The connection delivers in order: once the last frame is shown, so are any repeats.
        bob.await("other", "Delivered once");
        assertThat(bob.shown()).filteredOn(shown -> !shown.kind().equals("notice")).extracting(Shown::text)
                .containsExactly("Bob here", "Delivered twice", "Broadcast twice", "Without an id", "Without an id",
                        "Delivered once");
    }

    private static String messageFrame(UUID id, String text) {
        return """
                {"type":"message","id":"%s","from":"Zoe1connection=","name":"Zoe","message":"%s","sentAt":"%s","direct":false}"""
                .formatted(id, text, Instant.now());
    }

    @Test
    void givenBroadcastPage_badInputOrNoGateway_explainsTheProblemInWords() {
        BroadcastPage broadcast = BroadcastPage.open(cidBrowser, parley.pages());

        assertThat(broadcast.messageError("   ")).isEqualTo("Write the message to broadcast.");
        assertThat(broadcast.broadcast("Anyone there?")).isEqualTo(new Report(0, 0, 0, 0,
                "No one is connected right now, so no one received it."));

        parley.close();

        assertThat(broadcast.failure("Hello?")).startsWith("The broadcast endpoint could not be reached.");
    }

    @Test
    void givenApiKey_broadcast_sendsItAsXApiKeyAndKeepsItForTheTabOnly() {
        BroadcastPage broadcast = BroadcastPage.open(cidBrowser, parley.pages());
        // Records the headers of every request the page makes from here on.
        cidBrowser.script("""
                window.parleyRequests = [];
                const send = window.fetch;
                window.fetch = (url, init) => {
                  window.parleyRequests.push(Object.assign({}, init && init.headers));
                  return send(url, init);
                };""");

        broadcast.enterApiKey("local-test-key");
        broadcast.broadcast("With a key");

        assertThat(cidBrowser.script("return window.parleyRequests")).asList().singleElement()
                .isEqualTo(Map.of("Content-Type", "application/json", "x-api-key", "local-test-key"));
        assertThat(cidBrowser.script("return sessionStorage.getItem('parley.apiKey')")).isEqualTo("local-test-key");
        assertThat(cidBrowser.script("return localStorage.getItem('parley.apiKey')")).isNull();
        BroadcastPage reopened = BroadcastPage.open(cidBrowser, parley.pages());
        assertThat(reopened.apiKey()).isEqualTo("local-test-key");
    }

    @Test
    void givenScriptPayloads_inNameMessagesAndBroadcast_showLiterallyAndNeverRun() {
        ChatPage ann = ChatPage.joined(annBrowser, parley.pages(), ALERTING);
        ChatPage bob = ChatPage.joined(bobBrowser, parley.pages(), "Bob");

        ann.send(ALERTING);
        ann.send(FLAGGING);
        BroadcastPage broadcast = BroadcastPage.open(cidBrowser, parley.pages());
        broadcast.broadcast(FLAGGING);

        assertThat(bob.await("other", ALERTING).author()).isEqualTo(ALERTING);
        assertThat(bob.await("other", FLAGGING).author()).isEqualTo(ALERTING);
        assertThat(bob.await("broadcast", FLAGGING).text()).isEqualTo(FLAGGING);
        assertThat(bob.recipients()).containsExactly("Everyone", ALERTING);
        ann.await("broadcast", FLAGGING);
        assertThat(broadcast.lastSent()).isEqualTo(FLAGGING);
        for (Browser browser : List.of(annBrowser, bobBrowser, cidBrowser)) {
            assertThat(ExpectedConditions.alertIsPresent().apply(browser.driver())).isNull();
            assertThat(browser.script("return window.parleyXss === undefined")).isEqualTo(true);
            assertThat(browser.script("return document.querySelectorAll('main img').length")).isEqualTo(0L);
        }
    }

    @Test
    void givenConnectionDroppedByTheGateway_chatPage_showsReconnectingThenWorksAgain() throws Exception {
        ChatPage ann = ChatPage.joined(annBrowser, parley.pages(), "Ann");
        ChatPage bob = ChatPage.joined(bobBrowser, parley.pages(), "Bob");
        bob.send("Before the drop");
        ann.await("other", "Before the drop");
        String bobsFirstConnection = ann.connectionIdOf("Bob");

        assertThat(parley.drop(bobsFirstConnection)).isEqualTo(204);

        bob.awaitState("reconnecting");
        assertThat(bob.statusText()).isEqualTo("Reconnecting…");
        bob.awaitState("online");
        bob.send("After the drop");
        assertThat(ann.await("other", "After the drop").author()).isEqualTo("Bob");
        assertThat(bob.awaitDelivery("After the drop")).isEqualTo("Delivered to 1 person");
        assertThat(ann.connectionIdOf("Bob")).isNotEqualTo(bobsFirstConnection);
        assertThat(ann.recipients()).containsExactly("Everyone", "Bob");
        assertThat(bob.shown()).filteredOn(shown -> shown.kind().equals("notice")).extracting(Shown::text)
                .containsSubsequence("You joined as Bob.", "Connection lost.", "Back online.");
    }

    @Test
    void givenConversation_onDesktopAndPhone_pagesFitTheScreenAndAreCaptured() {
        ChatPage join = ChatPage.open(cidBrowser, parley.pages());
        cidBrowser.resize(Browser.PHONE);
        assertFits(cidBrowser, "join-phone");
        ChatPage ann = ChatPage.joined(annBrowser, parley.pages(), "Ann");
        ChatPage bob = ChatPage.joined(bobBrowser, parley.pages(), "Bob Marley");
        join.join("Cid");
        bob.send("Morning! Is the release still on for today?");
        ann.await("other", "Morning! Is the release still on for today?");
        ann.send("Yes, right after lunch. The checklist is in the usual place.");
        bob.send("Great, I'll be around.");
        bob.send("Shout if you need a second pair of eyes on the rollback plan.");
        ann.await("other", "Shout if you need a second pair of eyes on the rollback plan.");
        ann.sendTo("Bob Marley", "Thanks, could you review the migration first?");
        BroadcastPage broadcast = BroadcastPage.open(cidBrowser, parley.pages());
        broadcast.broadcast("Maintenance at 12:00 UTC: the chat may drop for a minute.");
        bob.await("broadcast", "Maintenance at 12:00 UTC: the chat may drop for a minute.");
        bob.send("Noted, see you after.");
        ann.await("other", "Noted, see you after.");
        ann.awaitDelivery("Thanks, could you review the migration first?");

        assertFits(annBrowser, "chat-desktop");
        cidBrowser.resize(Browser.DESKTOP);
        assertFits(cidBrowser, "broadcast-desktop");
        annBrowser.colourScheme("dark");
        assertFits(annBrowser, "chat-dark");
        annBrowser.resize(Browser.PHONE);
        assertFits(annBrowser, "chat-phone-dark");
        annBrowser.colourScheme("light");
        assertFits(annBrowser, "chat-phone");
        cidBrowser.resize(Browser.PHONE);
        assertFits(cidBrowser, "broadcast-phone");
    }

    /** Nothing is wider than the screen and the page's main control is on it; then the screen is saved. */
    private static void assertFits(Browser browser, String screenshot) {
        browser.assertFits(screenshot, "#text, #name, #message");
    }

    @Test
    void givenOneSecondIdleTimeout_quietChatPage_staysOnlineOnItsKeepAlivePings() throws Exception {
        parley.close();
        parley = LocalParley.start(dynalite, "--idle-timeout", "1");
        // The page's 4-minute keep-alive, a thousand times faster; and a count of the pings it sends.
        try (AutoCloseable fastClock = annBrowser.beforeEveryPage("""
                const every = window.setInterval;
                window.setInterval = (task, ms, ...rest) => every(task, ms >= 60000 ? ms / 1000 : ms, ...rest);
                window.parleyPings = 0;
                const send = WebSocket.prototype.send;
                WebSocket.prototype.send = function (data) {
                  if (JSON.parse(data).action === "ping") {
                    window.parleyPings++;
                  }
                  return send.call(this, data);
                };""")) {
            ChatPage ann = ChatPage.joined(annBrowser, parley.pages(), "Ann");

            // Ten pings at 240 ms take longer than the idle timeout three times over.
            annBrowser.await("ten keep-alive pings", page -> ((Number) annBrowser.script("return window.parleyPings"))
                    .intValue() >= 10);

            assertThat(ann.state()).isEqualTo("online");
            assertThat(ann.shown()).extracting(Shown::text).containsExactly("You joined as Ann.");
            ann.send("Still here");
            assertThat(ann.awaitDelivery("Still here")).isEqualTo("Sent · no one else is here yet");
        }
    }

    @Test
    void givenGatewayDown_chatPage_saysItIsReconnectingRefusesToSendAndRecoversOnReconnectNow() {
        ChatPage ann = ChatPage.joined(annBrowser, parley.pages(), "Ann");
        int port = parley.port();

        parley.close();

        ann.awaitState("reconnecting");
        assertThat(ann.banner()).matches("Connection lost\\. Trying again in \\d+ s…|Reconnecting…");
        ann.type("Hello?", Keys.ENTER);
        assertThat(ann.composerError()).isEqualTo("You're not connected right now, so the message was not sent. "
                + "Try again once the page is back online.");
        assertThat(ann.find("own", "Hello?")).isEmpty();
        annBrowser.screenshot("chat-reconnecting");

        parley = LocalParley.start(dynalite, "--port", String.valueOf(port));
        ann.reconnectNow();

        ann.awaitState("online");
        assertThat(ann.banner()).isEmpty();
        // Online again, the page asks for the lobby's latest messages: its "Loading earlier messages…" row is gone
        // once they are in.
        annBrowser.await("the loading row gone", driver -> ann.find("notice", "Loading earlier messages…").isEmpty());
        assertThat(ann.shown()).filteredOn(shown -> shown.kind().equals("notice")).extracting(Shown::text)
                .containsExactly("You joined as Ann.", "Connection lost.", "Back online.");
        ann.type(Keys.ENTER);
        assertThat(ann.awaitDelivery("Hello?")).isEqualTo("Sent · no one else is here yet");
    }

    @Test
    void givenUnacceptableInput_chatPage_explainsInWordsAndStaysConnected() {
        ChatPage ann = ChatPage.open(annBrowser, parley.pages());
        ann.type("   ", Keys.ENTER);
        assertThat(ann.nameError()).isEqualTo("Enter a display name.");
        ann.join("Ann");

        ann.type(Keys.ENTER);
        assertThat(ann.composerError()).isEqualTo("Write a message first.");
        annBrowser.script("document.getElementById('text').value = 'x'.repeat(40000)");
        ann.type(Keys.ENTER);
        assertThat(ann.composerError()).isEqualTo("This message is too long: 40 KB, where the limit is 32 KB.");

        annBrowser.script("document.getElementById('text').value = ''");
        ann.send("Is anyone here?");
        assertThat(ann.awaitDelivery("Is anyone here?")).isEqualTo("Sent · no one else is here yet");
        assertThat(ann.composerError()).isEmpty();
        assertThat(ann.state()).isEqualTo("online");
    }
}
