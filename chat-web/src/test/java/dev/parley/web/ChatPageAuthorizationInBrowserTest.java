package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.UserId;
import dev.parley.chat.auth.Principal;
import dev.parley.dynalite.Dynalite;
import dev.parley.dynalite.DynaliteOptions;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/** The chat page with Parley's authorization on: it connects with the token of the link it was opened with. */
class ChatPageAuthorizationInBrowserTest {

    private static final String SECRET = "browser-test-signing-secret-0123456789-abcdef";

    private static Dynalite dynalite;
    private static Browser adaBrowser;
    private static Browser bobBrowser;
    private static LocalParley parley;

    @BeforeAll
    static void start() {
        dynalite = Dynalite.start(DynaliteOptions.inMemory());
        adaBrowser = Browser.start();
        bobBrowser = Browser.start();
        parley = LocalParley.start(dynalite, "--auth-secret", SECRET, "--admin-key", "browser-test-admin-key-0123");
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable started : new AutoCloseable[] {parley, adaBrowser, bobBrowser, dynalite}) {
            if (started != null) {
                started.close();
            }
        }
    }

    @Test
    void givenLinkWithToken_chatPage_connectsAsTheTokensUserAndTakesTheTokenOutOfTheAddressBar() {
        ChatPage ada = ChatPage.joined(adaBrowser, withToken("user-ada", "Ada"), "Someone else");
        assertThat(adaBrowser.driver().getCurrentUrl()).doesNotContain("token=");
        ChatPage bob = ChatPage.joined(bobBrowser, withToken("user-bob", "Bob"), "Bob");

        ada.type("Hello from Ada", Keys.ENTER);

        assertThat(bob.await("other", "Hello from Ada").author()).isEqualTo("Ada");
    }

    @Test
    void givenTokenTakenEarlierInTheTab_chatPageOpenedWithoutIt_stillConnectsWithIt() {
        ChatPage.joined(adaBrowser, withToken("user-ada", "Ada"), "Ada");

        ChatPage again = ChatPage.joined(adaBrowser, parley.pages(), "Ada");

        assertThat(again.statusText()).isEqualTo("Online");
    }

    private static URI withToken(String userId, String name) {
        return URI.create(parley.pages() + "?token="
                + LocalParley.token(SECRET, new Principal(new UserId(userId), new DisplayName(name))));
    }
}
