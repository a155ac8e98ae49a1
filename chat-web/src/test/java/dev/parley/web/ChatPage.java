package dev.parley.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The chat page ({@code index.html}) in one browser, driven as a person would. */
final class ChatPage {

    /**
     * What the message list shows, read from the DOM as text (textContent: what a grouped message hides with CSS,
     * its author, is included).
     */
    private static final String SHOWN = """
            return [...document.querySelectorAll('#messages > li')].map(item => ({
              kind: item.matches('.message.own') ? 'own' : item.matches('.message.other') ? 'other'
                  : item.matches('.broadcast') ? 'broadcast' : 'notice',
              author: item.querySelector('.author')?.textContent ?? '',
              text: (item.querySelector('.text') ?? item.querySelector('p'))?.textContent ?? '',
              direct: item.classList.contains('direct'),
              badge: item.querySelector('.badge')?.textContent ?? '',
              time: item.querySelector('time')?.textContent ?? '',
              delivery: item.querySelector('.delivery')?.textContent ?? ''
            }));""";

    /**
     * One entry of the message list.
     *
     * @param kind own, other, broadcast or notice
     */
    record Shown(String kind, String author, String text, boolean direct, String badge, String time, String delivery) {

        static Shown of(Map<?, ?> fields) {
            return new Shown((String) fields.get("kind"), (String) fields.get("author"), (String) fields.get("text"),
                    (Boolean) fields.get("direct"), (String) fields.get("badge"), (String) fields.get("time"),
                    (String) fields.get("delivery"));
        }
    }

    private final Browser browser;

    private ChatPage(Browser browser) {
        this.browser = browser;
    }

    static ChatPage open(Browser browser, URI pages) {
        browser.open(pages);
        var page = new ChatPage(browser);
        browser.await("the join form", driver -> driver.findElement(By.id("name")).isDisplayed());
        return page;
    }

    /** Opens the page and joins as {@code name}, waiting until it is online. */
    static ChatPage joined(Browser browser, URI pages, String name) {
        ChatPage page = open(browser, pages);
        page.join(name);
        return page;
    }

    void join(String name) {
        WebElement field = browser.driver().findElement(By.id("name"));
        field.clear();
        field.sendKeys(name, Keys.ENTER);
        awaitState("online");
    }

    /** Types into whatever has the focus, as someone using only a keyboard does. */
    void type(CharSequence... keys) {
        browser.focused().sendKeys(keys);
    }

    String focusedId() {
        return browser.focused().getDomAttribute("id");
    }

    String state() {
        return browser.driver().findElement(By.id("status")).getDomAttribute("data-state");
    }

    String statusText() {
        return browser.driver().findElement(By.id("status-text")).getText();
    }

    void awaitState(String state) {
        browser.await("the connection state " + state, driver -> state.equals(state()));
    }

    void send(String message) {
        int before = count("own", message);
        WebElement text = browser.driver().findElement(By.id("text"));
        text.sendKeys(message, Keys.ENTER);
        browser.await("own message '" + message + "' shown", driver -> count("own", message) > before);
    }

    void sendTo(String name, String message) {
        new Select(browser.driver().findElement(By.id("recipient"))).selectByVisibleText(name);
        send(message);
    }

    /** The recipients the page offers, "Everyone" first. */
    List<String> recipients() {
        return new Select(browser.driver().findElement(By.id("recipient"))).getOptions().stream()
                .map(WebElement::getText).toList();
    }

    /** The connection id the page learned for {@code name}. */
    String connectionIdOf(String name) {
        return new Select(browser.driver().findElement(By.id("recipient"))).getOptions().stream()
                .filter(option -> option.getText().equals(name))
                .map(option -> option.getDomAttribute("value"))
                .findFirst().orElseThrow(() -> new AssertionError(name + " is not among the recipients " + recipients()));
    }

    List<Shown> shown() {
        return ((List<?>) browser.script(SHOWN)).stream().map(entry -> Shown.of((Map<?, ?>) entry)).toList();
    }

    Optional<Shown> find(String kind, String text) {
        return shown().stream().filter(entry -> entry.kind().equals(kind) && entry.text().equals(text)).findFirst();
    }

    Shown await(String kind, String text) {
        return browser.await(kind + " '" + text + "' shown", driver -> find(kind, text).orElse(null));
    }

    /** Waits until the own message {@code text} has its answer from Parley, and returns it. */
    String awaitDelivery(String text) {
        return browser.await("an answer for '" + text + "'", driver -> find("own", text)
                .map(Shown::delivery).filter(delivery -> !delivery.equals("Sending…")).orElse(null));
    }

    void leave() {
        browser.driver().findElement(By.id("leave")).click();
        awaitState("offline");
    }

    /** The words of the connection banner; empty when it is hidden. */
    String banner() {
        return browser.driver().findElement(By.id("banner-text")).getText();
    }

    void reconnectNow() {
        browser.driver().findElement(By.id("retry")).click();
    }

    String composerError() {
        return browser.driver().findElement(By.id("composer-error")).getText();
    }

    String nameError() {
        return browser.driver().findElement(By.id("name-error")).getText();
    }

    private int count(String kind, String text) {
        return (int) shown().stream().filter(entry -> entry.kind().equals(kind) && entry.text().equals(text)).count();
    }
}
