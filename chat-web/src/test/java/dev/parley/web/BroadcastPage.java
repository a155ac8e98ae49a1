package dev.parley.web;

import java.net.URI;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The broadcast page ({@code broadcast.html}) in one browser. */
final class BroadcastPage {

    /**
     * The delivery report as the page shows it.
     *
     * @param summary the sentence under the counts
     */
    record Report(int attempted, int delivered, int gone, int failed, String summary) {}

    private final Browser browser;

    private BroadcastPage(Browser browser) {
        this.browser = browser;
    }

    static BroadcastPage open(Browser browser, URI pages) {
        return openAt(browser, pages.resolve("broadcast.html"));
    }

    /** Opens the broadcast page at {@code address}, such as a link with {@code #token=}. */
    static BroadcastPage openAt(Browser browser, URI address) {
        browser.open(address);
        browser.await("the broadcast form's endpoint", driver -> driver.findElement(By.id("endpoint")).getText()
                .startsWith("http"));
        return new BroadcastPage(browser);
    }

    /** Broadcasts {@code message} to everyone and waits for the report. */
    Report broadcast(String message) {
        return broadcastTo("", message);
    }

    /** Broadcasts {@code message} to the members of {@code room} (everyone when empty) and waits for the report. */
    Report broadcastTo(String room, String message) {
        int sentBefore = sentCount();
        submit(room, message);
        browser.await("the delivery report", driver -> sentCount() > sentBefore);
        return new Report(count("attempted"), count("delivered"), count("gone"), count("failed"),
                browser.driver().findElement(By.id("report-summary")).getText());
    }

    /** Submits {@code message} without waiting for its outcome. */
    void send(String message) {
        submit("", message);
    }

    /**
     * Waits for the progress bar of a queued broadcast and returns it as the page shows it: its text, and the bar's
     * value and maximum, such as {@code "Queued|0/1"}.
     */
    String awaitProgress() {
        return browser.await("the progress of the queued broadcast", driver -> {
            WebElement card = driver.findElement(By.id("progress-card"));
            if (!card.isDisplayed()) {
                return null;
            }
            WebElement bar = driver.findElement(By.id("progress"));
            return driver.findElement(By.id("progress-state")).getText() + "|" + bar.getDomProperty("value") + "/"
                    + bar.getDomProperty("max");
        });
    }

    /** Waits for the report that follows a queued broadcast's progress, and checks the bar is gone then. */
    Report awaitReport(int sentBefore) {
        browser.await("the delivery report", driver -> sentCount() > sentBefore);
        if (browser.driver().findElement(By.id("progress-card")).isDisplayed()) {
            throw new AssertionError("the progress bar is still shown beside the report");
        }
        return new Report(count("attempted"), count("delivered"), count("gone"), count("failed"),
                browser.driver().findElement(By.id("report-summary")).getText());
    }

    /** Submits {@code message} and waits for the failure shown. */
    String failure(String message) {
        if (browser.driver().findElement(By.id("failure")).isDisplayed()) {
            throw new IllegalStateException("a failure is shown already: a new one could not be told apart");
        }
        submit("", message);
        return browser.await("the failure", driver -> {
            WebElement failure = driver.findElement(By.id("failure"));
            return failure.isDisplayed() ? failure.findElement(By.id("failure-text")).getText() : null;
        });
    }

    String messageError(String message) {
        submit("", message);
        return browser.await("the message error", driver -> {
            WebElement error = driver.findElement(By.id("message-error"));
            return error.isDisplayed() ? error.getText() : null;
        });
    }

    /** Submits a broadcast to {@code room}, and returns the error shown next to the room's field. */
    String roomError(String room, String message) {
        submit(room, message);
        return browser.await("the room error", driver -> {
            WebElement error = driver.findElement(By.id("room-error"));
            return error.isDisplayed() ? error.getText() : null;
        });
    }

    /** What the broadcast button says. */
    String button() {
        return browser.driver().findElement(By.id("broadcast-button")).getText();
    }

    void enterApiKey(String key) {
        WebElement details = browser.driver().findElement(By.id("key-details"));
        if (details.getDomAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
        WebElement field = browser.driver().findElement(By.id("api-key"));
        field.clear();
        field.sendKeys(key);
    }

    String adminToken() {
        return browser.driver().findElement(By.id("admin-token")).getDomProperty("value");
    }

    String apiKey() {
        return browser.driver().findElement(By.id("api-key")).getDomProperty("value");
    }

    /** The latest entry of the page's history, as text. */
    String lastSent() {
        return browser.driver().findElement(By.cssSelector("#history li .text")).getText();
    }

    private int count(String name) {
        return Integer.parseInt(browser.driver().findElement(By.id(name)).getText());
    }

    private int sentCount() {
        return browser.driver().findElements(By.cssSelector("#history li")).size();
    }

    int sentCountNow() {
        return sentCount();
    }

    private void submit(String room, String message) {
        WebElement roomField = browser.driver().findElement(By.id("room"));
        roomField.clear();
        if (!room.isEmpty()) {
            roomField.sendKeys(room);
        }
        WebElement field = browser.driver().findElement(By.id("message"));
        field.clear();
        if (!message.isEmpty()) {
            field.sendKeys(message);
        }
        browser.driver().findElement(By.id("broadcast-button")).click();
    }
}
