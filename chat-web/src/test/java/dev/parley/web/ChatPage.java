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
     * What the message list of the room on screen shows, read from the DOM as text (textContent: what a grouped
     * message hides with CSS, its author, is included).
     */
    private static final String SHOWN = """
            return [...document.querySelectorAll('#timelines > .messages:not([hidden]) > li')].map(item => ({
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
                .map(option -> option.getDomAttribute("data-connection-id"))
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
        // The button is hidden while the page's own attempt runs; one that got through needs no click.
        browser.await("the reconnect button clicked, or the page online", driver -> {
            if (!"online".equals(state())) {
                driver.findElement(By.id("retry")).click();
            }
            return true;
        });
    }

    String composerError() {
        return browser.driver().findElement(By.id("composer-error")).getText();
    }

    String nameError() {
        return browser.driver().findElement(By.id("name-error")).getText();
    }

    // ---- rooms ----

    /** The rooms in the list, in its order, as shown ({@code #lobby}). */
    List<String> rooms() {
        return browser.driver().findElements(By.cssSelector("#rooms .room-name")).stream().map(WebElement::getText)
                .toList();
    }

    /** The room on screen, as its title shows it. */
    String currentRoom() {
        return browser.driver().findElement(By.id("room-title")).getText();
    }

    /** Joins {@code room} with the form, and waits until Parley has answered and the page shows the room. */
    void joinRoom(String room) {
        submitRoom(room);
        String shown = "#" + room.replaceFirst("^#", "");
        browser.await("the room " + shown + " joined", driver -> shown.equals(currentRoom())
                && driver.findElements(By.cssSelector("#rooms [aria-current] .room-state")).isEmpty());
    }

    /** Submits {@code typed} in the room form, and returns the error shown next to it. */
    String roomError(String typed) {
        submitRoom(typed);
        return browser.await("the room error", driver -> {
            WebElement error = driver.findElement(By.id("room-error"));
            return error.isDisplayed() ? error.getText() : null;
        });
    }

    private void submitRoom(String typed) {
        WebElement field = browser.driver().findElement(By.id("room-name"));
        field.clear();
        field.sendKeys(typed, Keys.ENTER);
    }

    void switchTo(String room) {
        browser.driver().findElement(By.cssSelector("#rooms button.room[data-room='" + room + "']")).click();
        browser.await("the room #" + room + " on screen", driver -> currentRoom().equals("#" + room));
    }

    /** Leaves {@code room} with its button in the list. */
    void leaveRoom(String room) {
        browser.driver().findElement(By.cssSelector("#rooms button.room-leave[data-room='" + room + "']")).click();
        browser.await("#" + room + " gone from the list", driver -> !rooms().contains("#" + room));
    }

    /** The unread count the list shows for {@code room}: 0 when it shows none. */
    int unread(String room) {
        List<WebElement> badge = browser.driver().findElements(
                By.cssSelector("#rooms button[data-room='" + room + "'] .unread"));
        // The badge's text is its number and, for screen readers only, the word "unread".
        return badge.isEmpty() ? 0
                : Integer.parseInt(badge.get(0).getDomProperty("textContent").replaceAll("\\D", ""));
    }

    /** The members of the room on screen as listed, the page's own one marked " (you)". */
    List<String> members() {
        return browser.driver().findElements(By.cssSelector("#people li")).stream()
                .map(row -> row.findElement(By.className("person-name")).getText()
                        + (row.findElements(By.className("self")).isEmpty() ? "" : " (you)"))
                .toList();
    }

    /** Waits until the members listed are exactly {@code names}, by name, with the count shown next to them. */
    void awaitMembers(String... names) {
        List<String> expected = List.of(names);
        String count = String.valueOf(names.length);
        browser.await("the members " + expected + " (" + count + ")", driver -> members().stream().sorted().toList()
                .equals(expected.stream().sorted().toList())
                && count.equals(driver.findElement(By.id("people-count")).getText()));
    }

    /** Whether the member list offers more people than it shows. */
    boolean offersMorePeople() {
        return browser.driver().findElement(By.id("more-people")).isDisplayed();
    }

    /** Asks for the next page of members with the button under the list. */
    void showMorePeople() {
        browser.await("the button for more people", driver -> {
            WebElement more = driver.findElement(By.id("more-people"));
            return more.isDisplayed() && more.isEnabled() ? more : null;
        }).click();
    }

    /** The words next to the room's title, such as "2 people". */
    String roomCount() {
        return browser.driver().findElement(By.id("room-count")).getText();
    }

    /** Writes to {@code name} privately, choosing them in the member list of the room on screen. */
    void writeToMember(String name) {
        // Within await, a button drawn again between finding and clicking it is looked for again.
        browser.await(name + " in the member list", driver -> driver.findElements(
                        By.cssSelector("#people button.person")).stream()
                .filter(button -> button.findElement(By.className("person-name")).getText().equals(name))
                .findFirst().map(button -> {
                    button.click();
                    return true;
                }).orElse(null));
    }

    /** Opens the rooms and people, a screen of their own on a phone. */
    void openPanel() {
        browser.driver().findElement(By.id("panel-open")).click();
        browser.await("the rooms and people", driver -> driver.findElement(By.id("rooms")).isDisplayed());
    }

    void closePanel() {
        browser.driver().findElement(By.id("panel-close")).click();
        browser.await("the conversation", driver -> driver.findElement(By.id("text")).isDisplayed());
    }

    private int count(String kind, String text) {
        return (int) shown().stream().filter(entry -> entry.kind().equals(kind) && entry.text().equals(text)).count();
    }
}
