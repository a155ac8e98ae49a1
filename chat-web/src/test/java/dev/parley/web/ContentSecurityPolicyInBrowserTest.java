package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.dynalite.Dynalite;
import dev.parley.dynalite.DynaliteOptions;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pages under the Content-Security-Policy chat-local serves them with (the one CloudFront sends, with the deployed
 * URLs): they work without a single violation, and what an attacker might slip in (an inline script, an inline event
 * handler, a request to anywhere but the two APIs) is blocked and reported.
 */
class ContentSecurityPolicyInBrowserTest {

    /** Runs before the pages' own scripts: collects every violation the page reports. */
    private static final String RECORDER = """
            window.violations = [];
            document.addEventListener('securitypolicyviolation', event => window.violations.push(
                {directive: event.effectiveDirective, blocked: event.blockedURI}));
            """;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Dynalite dynalite;
    private static Browser browser;
    private static LocalParley parley;
    private AutoCloseable recording;

    @BeforeAll
    static void start() {
        dynalite = Dynalite.start(DynaliteOptions.inMemory());
        browser = Browser.start();
        parley = LocalParley.start(dynalite);
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable started : new AutoCloseable[] {parley, browser, dynalite}) {
            if (started != null) {
                started.close();
            }
        }
    }

    @BeforeEach
    void record() {
        browser.blank();
        recording = browser.beforeEveryPage(RECORDER);
    }

    @AfterEach
    void stopRecording() throws Exception {
        recording.close();
    }

    @Test
    void givenChatAndBroadcastPages_policy_allowsExactlyTheTwoApisAndConfigJsonAndNothingInline() throws Exception {
        String port = String.valueOf(parley.port());
        String expected = "default-src 'self'; connect-src http://127.0.0.1:" + port + "/config.json ws://127.0.0.1:"
                + port + "/production http://127.0.0.1:" + port + "/dev/broadcastmessage http://127.0.0.1:" + port
                + "/dev/broadcasts/; object-src 'none';"
                + " frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

        for (String page : List.of("", "broadcast.html")) {
            HttpResponse<Void> answer = HTTP.send(HttpRequest.newBuilder(parley.pages().resolve(page)).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(page).hasValue(expected);
        }
    }

    @Test
    void givenChatPageUnderThePolicy_chattingAndABroadcast_showWithoutAViolation() throws Exception {
        ChatPage ada = ChatPage.joined(browser, parley.pages(), "Ada");

        ada.send("Still working under the policy");
        HTTP.send(HttpRequest.newBuilder(parley.pages().resolve("dev/broadcastmessage"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"Maintenance at noon\"}")).build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(ada.awaitDelivery("Still working under the policy")).isNotBlank();
        // The broadcast card's megaphone is an image the policy must allow (a data: URL would be refused).
        ada.await("broadcast", "Maintenance at noon");
        browser.await("the megaphone drawn", page -> (Boolean) browser.script("""
                return [...document.querySelectorAll('.broadcast-card .label')].some(label =>
                    getComputedStyle(label, '::before').maskImage.includes('megaphone.svg'))"""));
        assertThat(violations()).isEmpty();
        browser.screenshot("csp-chat-working");
    }

    @Test
    void givenBroadcastPageUnderThePolicy_broadcasting_worksWithoutAViolation() {
        BroadcastPage page = BroadcastPage.open(browser, parley.pages());

        assertThat(page.broadcast("Broadcast under the policy").failed()).isZero();
        assertThat(violations()).isEmpty();
        browser.screenshot("csp-broadcast-working");
    }

    @Test
    void givenInjectedInlineScriptAndEventHandler_chatPage_runsNeitherAndReportsBoth() {
        ChatPage.joined(browser, parley.pages(), "Ada");

        browser.script("""
                const script = document.createElement('script');
                script.textContent = 'window.injected = "script"';
                document.body.append(script);
                const holder = document.createElement('div');
                holder.innerHTML = '<img src="nothing.png" onerror="window.injected = \\'handler\\'">';
                document.body.append(holder);
                """);

        browser.await("both violations reported", page -> violations().size() >= 2);
        assertThat(violations()).extracting(violation -> violation.get("directive"))
                .contains("script-src-elem", "script-src-attr");
        assertThat(browser.script("return window.injected === undefined")).isEqualTo(true);
        assertThat(ChatPage.joined(browser, parley.pages(), "Ada").statusText()).as("the page still works").isEqualTo("Online");
    }

    @Test
    void givenRequestToAnythingButTheTwoApis_chatPage_isRefusedAndReportsIt() {
        ChatPage.open(browser, parley.pages());

        // @connections is on the same host and port as the pages, yet no page may reach it.
        Object outcome = browser.script("""
                return fetch('/production/@connections/abc', {method: 'POST', body: '{}'})
                    .then(() => 'sent', () => 'refused');
                """);

        assertThat(outcome).isEqualTo("refused");
        browser.await("the violation reported", page -> !violations().isEmpty());
        assertThat(violations()).singleElement().satisfies(violation -> {
            assertThat(violation.get("directive")).isEqualTo("connect-src");
            assertThat(violation.get("blocked")).asString().endsWith("/production/@connections/abc");
        });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> violations() {
        return (List<Map<String, Object>>) browser.script("return window.violations");
    }
}
