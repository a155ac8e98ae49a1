package dev.parley.web;

import static dev.parley.web.SocketClient.frame;
import static dev.parley.web.SocketClient.member;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.dynalite.Dynalite;
import dev.parley.dynalite.DynaliteOptions;
import dev.parley.web.ChatPage.Shown;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.TimeoutException;

/**
 * History on the chat page, in headless Chromium against all of Parley on the local gateway: what a page missed while
 * its connection was down is shown after it reconnects, once each and in order, under a "missed" marker, or stated as
 * a gap; a newcomer sees the room's latest messages and older ones by scrolling up. Messages are sent meanwhile by a
 * WebSocket client without a browser (java.net.http).
 */
class HistoryInBrowserTest {

    /**
     * Lets a test keep the page offline: while {@code window.parleyOffline} is true, the page's connections fail at
     * once (an error, then a close with 1006, as a refused connection does), so the page keeps trying, as in a tunnel.
     * No socket is opened: the pages' Content-Security-Policy allows no other address than Parley's to connect to.
     */
    private static final String OFFLINE_SWITCH = """
            window.parleyOffline = false;
            window.WebSocket = class extends WebSocket {
              constructor(url, ...rest) {
                if (window.parleyOffline) {
                  const refused = new EventTarget();
                  Object.assign(refused, { url, readyState: WebSocket.CONNECTING, send() {}, close() {} });
                  setTimeout(() => {
                    refused.readyState = WebSocket.CLOSED;
                    const error = new Event("error");
                    refused.dispatchEvent(error);
                    refused.onerror?.(error);
                    const closed = new CloseEvent("close", { code: 1006, wasClean: false });
                    refused.dispatchEvent(closed);
                    refused.onclose?.(closed);
                  });
                  return refused;
                }
                super(url, ...rest);
              }
            };""";
    /** Sending hundreds of messages in a few seconds is over the default rate (10 a second, bursts of 20). */
    private static final String[] FAST_SENDER = {"--send-rate", "1000", "--send-burst", "1000"};
    private static final Duration SENDING = Duration.ofMinutes(2);

    private static Dynalite dynalite;
    private static Browser browser;

    private LocalParley parley;

    @BeforeAll
    static void startBrowser() {
        dynalite = Dynalite.start(DynaliteOptions.inMemory());
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        for (AutoCloseable started : new AutoCloseable[] {browser, dynalite}) {
            if (started != null) {
                started.close();
            }
        }
    }

    @AfterEach
    void stopParley() {
        try {
            browser.reset();
        } finally {
            if (parley != null) {
                parley.close();
            }
        }
    }

    @Test
    void givenConnectionDeletedByTheGateway_200MessagesSentMeanwhile_areShownOnceInOrderUnderTheMissedMarker()
            throws Exception {
        parley = LocalParley.start(dynalite, FAST_SENDER);
        try (AutoCloseable offlineSwitch = browser.beforeEveryPage(OFFLINE_SWITCH);
             SocketClient cid = SocketClient.connect(parley.webSocket(), Map.of("name", "Cid"))) {
            ChatPage ann = ChatPage.joined(browser, parley.pages(), "Ann");
            String annsConnection = joinerSeenBy(cid);
            List<String> before = sendAll(cid, "lobby", "before", 3);
            ann.await("other", before.get(2));

            goOffline();
            assertThat(parley.drop(annsConnection)).isEqualTo(204);
            ann.awaitState("reconnecting");
            List<String> missed = sendAll(cid, "lobby", "missed", 200);
            comeBack(ann);

            List<String> expected = new ArrayList<>(before);
            expected.add("notice: 200 messages you missed");
            expected.addAll(missed);
            awaitTimeline(ann, expected);
            browser.assertFits("history-missed-desktop", "#text");
            browser.resize(Browser.PHONE);
            browser.assertFits("history-missed-phone", "#text");
        }
    }

    @Test
    void givenGatewayRestartedOnTheSameData_200MessagesToARoomMeanwhile_areShownOnceInOrderUnderTheMissedMarker()
            throws Exception {
        parley = LocalParley.start(dynalite, FAST_SENDER);
        try (AutoCloseable offlineSwitch = browser.beforeEveryPage(OFFLINE_SWITCH)) {
            ChatPage ann = ChatPage.joined(browser, parley.pages(), "Ann");
            ann.joinRoom("design");
            ann.send("Before the restart");

            goOffline();
            parley = parley.restart();
            ann.awaitState("reconnecting");
            List<String> missed;
            try (SocketClient cid = SocketClient.connect(parley.webSocket(), Map.of("name", "Cid"))) {
                cid.send(Map.of("action", "join", "room", "design", "clientId", "join"));
                cid.await("Cid's joined", frame("joined", Map.of("room", "design")));
                missed = sendAll(cid, "design", "design", 200);
            }
            comeBack(ann);

            List<String> expected = new ArrayList<>(List.of("Before the restart",
                    "notice: 200 messages you missed"));
            expected.addAll(missed);
            awaitTimeline(ann, expected);
            assertThat(ann.currentRoom()).isEqualTo("#design");
        }
    }

    @Test
    void givenEightyMessagesInTheLobby_newcomer_seesTheLatestScreenfulAndOlderOnesByScrollingUp() throws Exception {
        parley = LocalParley.start(dynalite, FAST_SENDER);
        List<String> sent;
        try (SocketClient cid = SocketClient.connect(parley.webSocket(), Map.of("name", "Cid"))) {
            sent = sendAll(cid, "lobby", "earlier", 80);
        }

        ChatPage ann = ChatPage.joined(browser, parley.pages(), "Ann");

        awaitMessages(ann, sent.subList(50, 80));
        browser.assertFits("history-newcomer-desktop", "#text");
        assertThat(scrollTop()).as("the page shows the latest message").isPositive();

        browser.script("document.getElementById('scroller').scrollTop = 0");

        awaitMessages(ann, sent);
        assertThat(scrollTop()).as("the reader stays where they were, above the newer messages").isPositive();
        assertThat(ann.shown()).noneMatch(shown -> shown.text().equals("Loading earlier messages…"));
        browser.resize(Browser.PHONE);
        browser.script("document.getElementById('scroller').scrollTop = 0");
        browser.assertFits("history-older-phone", "#text");
    }

    @Test
    void givenMoreMissedThanTheWindow_reconnect_showsTheGapWithItsCountThenTheLatest50() throws Exception {
        parley = LocalParley.start(dynalite, "--send-rate", "1000", "--send-burst", "1000", "--history-window", "100");
        try (AutoCloseable offlineSwitch = browser.beforeEveryPage(OFFLINE_SWITCH);
             SocketClient cid = SocketClient.connect(parley.webSocket(), Map.of("name", "Cid"))) {
            ChatPage ann = ChatPage.joined(browser, parley.pages(), "Ann");
            String annsConnection = joinerSeenBy(cid);
            List<String> before = sendAll(cid, "lobby", "before", 1);
            ann.await("other", before.get(0)); // seq 1: the page resumes from it

            goOffline();
            assertThat(parley.drop(annsConnection)).isEqualTo(204);
            ann.awaitState("reconnecting");
            List<String> missed = sendAll(cid, "lobby", "missed", 120);
            comeBack(ann);

            List<String> expected = new ArrayList<>(List.of(before.get(0), "notice: You missed 70 messages (2–71):"
                    + " more than Parley brings back after a reconnect, so they are not shown.",
                    "notice: 50 messages you missed"));
            expected.addAll(missed.subList(70, 120));
            awaitTimeline(ann, expected);
            browser.assertFits("history-gap-desktop", "#text");
        }
    }

    @Test
    void givenMessagesPostedOutOfOrderAndTwice_chatPage_showsThemBySeqOnceAndALaterOneAfterItsHold() throws Exception {
        parley = LocalParley.start(dynalite);
        try (SocketClient cid = SocketClient.connect(parley.webSocket(), Map.of("name", "Cid"))) {
            ChatPage ann = ChatPage.joined(browser, parley.pages(), "Ann");
            String annsConnection = joinerSeenBy(cid);
            List<String> first = sendAll(cid, "lobby", "first", 1);
            ann.await("other", first.get(0));
            String third = lobbyMessage(UUID.randomUUID(), "third", 3);
            String fifth = lobbyMessage(UUID.randomUUID(), "fifth, its fourth never sent", 5);

            // As frames handled concurrently on AWS may arrive: the third before the second, and the third again.
            for (String frame : List.of(third, lobbyMessage(UUID.randomUUID(), "second", 2), third, fifth)) {
                assertThat(parley.post(annsConnection, frame)).isEqualTo(200);
            }

            awaitTimeline(ann, List.of(first.get(0), "second", "third", "fifth, its fourth never sent"));
        }
    }

    @Test
    void givenAHistoryPageHoldingMessagesStoredAfterTheJoinAnswer_theResumeStartsAfterThem() {
        // The page's own history module, in Chromium: the join's answer read the room empty, and the page of history
        // the page asks for next already holds message 1 (and 3, while 2 is still being stored), which it shows
        // before their live copies come; those copies are repeats, dropped by id before they reach the module.
        Object outcome = inTheHistoryModule("""
                  const history = new RoomHistory(() => {});
                  history.joined("E1", 0, false);
                  const released = history.pageShown([1, 3], false);
                  const sinceThePage = history.since();
                  const second = history.arrive(2, "two");
                  done(JSON.stringify({ released, sinceThePage, second, since: history.since(),
                    oldest: history.oldest, more: history.more }));
                """);

        assertThat(outcome).isEqualTo("{\"released\":[],\"sinceThePage\":{\"epoch\":\"E1\",\"seq\":1},"
                + "\"second\":[\"two\"],\"since\":{\"epoch\":\"E1\",\"seq\":3},\"oldest\":1,\"more\":false}");
    }

    @Test
    void givenMessagesTheJoinCountedAsHistory_theOneComingLiveFirst_isShownOnce() {
        // The join's answer counted seqs 1 and 2 as history; 2 comes live before the page of history, which then holds
        // both: 2 is shown live, 1 by the page, and neither again when a copy comes (a resume replays them).
        Object outcome = inTheHistoryModule("""
                  const history = new RoomHistory(() => {});
                  history.joined("E1", 2, false);
                  const live = history.arrive(2, "two, live");
                  const released = history.pageShown([1, 2], false);
                  const again = history.arrive(1, "one, again").concat(history.arrive(2, "two, again"));
                  done(JSON.stringify({ live, released, again, since: history.since() }));
                """);

        assertThat(outcome).isEqualTo("{\"live\":[\"two, live\"],\"released\":[],\"again\":[],"
                + "\"since\":{\"epoch\":\"E1\",\"seq\":2}}");
    }

    @Test
    void givenAMessageShownBeforeItsJoinAnswer_whoseLatestSeqIsOlder_theResumeStartsAfterTheMessage() {
        // The page's own history module, in Chromium: a message sent while the page's join was on its way arrives
        // first, and the join's answer, read before that message was stored, names an older latest seq.
        Object outcome = inTheHistoryModule("""
                  const history = new RoomHistory(() => {});
                  const shown = history.arrive(1, "before 001");
                  history.joined("E1", 0, false);
                  // What the page does with a message that comes before the room's epoch is known at all.
                  const early = new RoomHistory(() => {});
                  early.shownBeforeJoin(1);
                  early.joined("E1", 0, false);
                  done(JSON.stringify({ shown, since: history.since(), early: early.since() }));
                """);

        assertThat(outcome).isEqualTo("{\"shown\":[\"before 001\"],\"since\":{\"epoch\":\"E1\",\"seq\":1},"
                + "\"early\":{\"epoch\":\"E1\",\"seq\":1}}");
    }

    /**
     * Runs {@code body} in Chromium, on a page of a started Parley, with the page's {@code RoomHistory} class in scope;
     * it answers by calling {@code done}. Returns what it answered, or "failed: " and why.
     */
    private Object inTheHistoryModule(String body) {
        parley = LocalParley.start(dynalite);
        browser.open(parley.pages());
        return ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import("/history.js").then(({ RoomHistory }) => {
                %s}).catch((failure) => done("failed: " + failure));
                """.formatted(body));
    }

    /** The connection id of the page that joined the lobby after {@code client}, from its presence frame. */
    private static String joinerSeenBy(SocketClient client) throws InterruptedException {
        return (String) member(client.await("the page's presence", frame("presence", Map.of("event", "join"))))
                .get("connectionId");
    }

    private static String lobbyMessage(UUID id, String text, long seq) {
        return """
                {"type":"message","id":"%s","from":"Zoe1connection=","name":"Zoe","message":"%s","sentAt":"%s",\
                "direct":false,"room":"lobby","seq":%d}""".formatted(id, text, Instant.now(), seq);
    }

    /** Keeps the page's connections from reaching Parley until {@link #comeBack}. */
    private static void goOffline() {
        browser.script("window.parleyOffline = true");
    }

    /** Lets the page reach Parley again, and has it reconnect at once rather than after its back-off. */
    private static void comeBack(ChatPage page) {
        browser.script("window.parleyOffline = false");
        browser.await("the page online again", driver -> {
            if (!page.state().equals("online") && !page.banner().isEmpty()) {
                try {
                    page.reconnectNow();
                } catch (ElementNotInteractableException bannerJustHidden) {
                    // The page got online between the look and the click.
                }
            }
            return page.state().equals("online");
        });
    }

    /**
     * Sends {@code count} messages to {@code room} as fast as the client can, waits for every acknowledgement, and
     * returns their texts in the order of the seqs Parley gave them (frames handled concurrently may be numbered in
     * another order than they were sent).
     */
    private static List<String> sendAll(SocketClient client, String room, String prefix, int count)
            throws InterruptedException {
        List<String> texts = IntStream.rangeClosed(1, count).mapToObj(n -> "%s %03d".formatted(prefix, n)).toList();
        for (int n = 0; n < count; n++) {
            client.send(Map.of("action", "sendMessage", "room", room, "Message", texts.get(n),
                    "clientId", prefix + "-" + (n + 1)));
        }
        Instant deadline = Instant.now().plus(SENDING);
        List<Map<String, Object>> acks;
        do {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not every " + prefix + " message was acknowledged: " + client.frames());
            }
            Thread.sleep(50);
            assertThat(client.frames()).as("answers to the sends").noneMatch(frame("error", Map.of()));
            acks = client.frames().stream()
                    .filter(frame -> "ack".equals(frame.get("type"))
                            && String.valueOf(frame.get("clientId")).startsWith(prefix + "-"))
                    .toList();
        } while (acks.size() < count);
        return acks.stream()
                .sorted(Comparator.comparingLong(ack -> ((Number) ack.get("seq")).longValue()))
                .map(ack -> texts.get(Integer.parseInt(((String) ack.get("clientId")).substring(prefix.length() + 1))
                        - 1))
                .toList();
    }

    /**
     * Waits until the room on screen shows exactly {@code expected}: messages by their text, and notices other than
     * the page's own comings and goings as "notice: " and their words.
     */
    private static void awaitTimeline(ChatPage page, List<String> expected) {
        List<String> shown;
        try {
            shown = browser.await("the conversation " + expected.size() + " entries long", Duration.ofSeconds(60),
                    driver -> {
                        List<String> now = timeline(page);
                        return now.size() >= expected.size() ? now : null;
                    });
        } catch (TimeoutException tooFew) {
            shown = timeline(page);
        }
        assertThat(shown).containsExactlyElementsOf(expected);
    }

    private static List<String> timeline(ChatPage page) {
        return page.shown().stream()
                .filter(shown -> !shown.kind().equals("notice") || !ownComingsAndGoings(shown.text()))
                .map(shown -> shown.kind().equals("notice") ? "notice: " + shown.text() : shown.text())
                .toList();
    }

    private static boolean ownComingsAndGoings(String notice) {
        return notice.startsWith("You joined") || notice.equals("Connection lost.") || notice.equals("Back online.")
                || notice.endsWith(" joined.") || notice.endsWith(" left.");
    }

    /** Waits until the messages others sent, in the room on screen, are exactly {@code texts}, in that order. */
    private static void awaitMessages(ChatPage page, List<String> texts) {
        List<String> shown = browser.await(texts.size() + " messages shown", Duration.ofSeconds(60), driver -> {
            List<String> now = page.shown().stream().filter(entry -> entry.kind().equals("other"))
                    .map(Shown::text).toList();
            return now.size() >= texts.size() ? now : null;
        });
        assertThat(shown).containsExactlyElementsOf(texts);
    }

    private static long scrollTop() {
        return ((Number) browser.script("return document.getElementById('scroller').scrollTop")).longValue();
    }
}
