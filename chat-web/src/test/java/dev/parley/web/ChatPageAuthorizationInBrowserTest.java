package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.auth.Role;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.RoomAccess;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.auth.Principal;
import dev.parley.dynalite.Dynalite;
import dev.parley.dynalite.DynaliteOptions;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/** The chat page with Parley's authorization on: it connects with the token of the link it was opened with. */
class ChatPageAuthorizationInBrowserTest {

    private static final String SECRET = "browser-test-signing-secret-0123456789-abcdef";
    private static final String ADMIN_KEY = "browser-test-admin-key-0123";

    private static Dynalite dynalite;
    private static Browser adaBrowser;
    private static Browser bobBrowser;
    private static LocalParley parley;

    @BeforeAll
    static void start() {
        dynalite = Dynalite.start(DynaliteOptions.inMemory());
        adaBrowser = Browser.start();
        bobBrowser = Browser.start();
        parley = LocalParley.start(dynalite, "--auth-secret", SECRET, "--admin-key", ADMIN_KEY);
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable started : new AutoCloseable[] {parley, adaBrowser, bobBrowser, dynalite}) {
            if (started != null) {
                started.close();
            }
        }
    }

    @BeforeEach
    void leaveThePages() {
        // A link that differs from the page shown only in its fragment would not load the page again.
        adaBrowser.blank();
        bobBrowser.blank();
    }

    @Test
    void givenLinkWithTokenInTheFragment_chatPage_connectsAsTheTokensUserKeepsItForTheTabAndClearsTheAddressBar() {
        String adasToken = token("user-ada", "Ada");
        ChatPage ada = ChatPage.joined(adaBrowser, URI.create(parley.pages() + "#token=" + adasToken), "Someone else");
        assertThat(adaBrowser.driver().getCurrentUrl()).isEqualTo(parley.pages().toString());
        assertThat(adaBrowser.script("return sessionStorage.getItem('parley.token')")).isEqualTo(adasToken);
        ChatPage bob = ChatPage.joined(bobBrowser, withToken("user-bob", "Bob"), "Bob");

        ada.type("Hello from Ada", Keys.ENTER);

        assertThat(bob.await("other", "Hello from Ada").author()).isEqualTo("Ada");
    }

    @Test
    void givenLinkOfTheEarlierFormWithTokenInTheQuery_chatPage_stillConnectsWithItAndClearsTheAddressBar() {
        ChatPage ada = ChatPage.joined(adaBrowser, URI.create(parley.pages() + "?token=" + token("user-ada", "Ada")),
                "Someone else");

        assertThat(adaBrowser.driver().getCurrentUrl()).isEqualTo(parley.pages().toString());
        assertThat(ada.statusText()).isEqualTo("Online");
    }

    @Test
    void givenLinkWithTokenOpenedInATabAlreadyOnTheChatPage_chatPage_startsAgainAsTheLinksUser() {
        ChatPage.joined(adaBrowser, withToken("user-ada", "Ada"), "Ada");

        adaBrowser.open(URI.create(parley.pages() + "#token=" + token("user-cid", "Cid")));

        adaBrowser.await("the page started again with the new token", driver -> "Cid".equals(adaBrowser.script(
                "return sessionStorage.getItem('parley.token') && JSON.parse(atob(sessionStorage.getItem('parley.token')"
                        + ".split('.')[1].replace(/-/g,'+').replace(/_/g,'/'))).name")));
        assertThat(adaBrowser.driver().getCurrentUrl()).isEqualTo(parley.pages().toString());
    }

    @Test
    void givenTokenTakenEarlierInTheTab_chatPageOpenedWithoutIt_stillConnectsWithIt() {
        ChatPage.joined(adaBrowser, withToken("user-ada", "Ada"), "Ada");

        ChatPage again = ChatPage.joined(adaBrowser, parley.pages(), "Ada");

        assertThat(again.statusText()).isEqualTo("Online");
    }

    @Test
    void givenAdministratorsLinkToTheBroadcastPage_broadcast_sendsTheTokenAndTheKeyAndReachesTheChat() {
        ChatPage bob = ChatPage.joined(bobBrowser, withToken("user-bob", "Bob"), "Bob");
        String adminToken = LocalParley.token(SECRET, new Principal(new UserId("ops-1"), new DisplayName("Ops"),
                RoomAccess.EVERY_ROOM, Role.ADMIN));

        BroadcastPage page = BroadcastPage.openAt(adaBrowser, URI.create(parley.pages() + "broadcast.html#token=" + adminToken));
        assertThat(page.adminToken()).isEqualTo(adminToken);
        assertThat(adaBrowser.driver().getCurrentUrl()).isEqualTo(parley.pages() + "broadcast.html");
        page.enterApiKey(ADMIN_KEY);

        assertThat(page.broadcast("From the operators").failed()).isZero();
        assertThat(bob.await("broadcast", "From the operators").text()).isEqualTo("From the operators");
        adaBrowser.screenshot("broadcast-as-administrator");
    }

    @Test
    void givenMembersTokenOnTheBroadcastPage_broadcast_isRefusedWith403AndSaysWhatToEnter() {
        BroadcastPage page = BroadcastPage.openAt(adaBrowser, URI.create(parley.pages() + "broadcast.html#token="
                + token("user-ada", "Ada")));
        page.enterApiKey(ADMIN_KEY);

        assertThat(page.failure("From a member")).contains("403", "an administrator's token");
    }

    /** The page link MintToken and chat-local print: the token in the fragment, which browsers never send. */
    private static URI withToken(String userId, String name) {
        return URI.create(parley.pages() + "#token=" + token(userId, name));
    }

    private static String token(String userId, String name) {
        return LocalParley.token(SECRET, new Principal(new UserId(userId), new DisplayName(name)));
    }
}
