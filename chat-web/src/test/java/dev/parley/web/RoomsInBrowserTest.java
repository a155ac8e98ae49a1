package dev.parley.web;

import static dev.parley.web.SocketClient.frame;
import static dev.parley.web.SocketClient.member;
import static dev.parley.web.SocketClient.memberNames;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.auth.Principal;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.domain.model.RoomAccess;
import dev.parley.chat.domain.model.UserId;
import dev.parley.dynalite.Dynalite;
import dev.parley.dynalite.DynaliteOptions;
import dev.parley.web.BroadcastPage.Report;
import dev.parley.web.ChatPage.Shown;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rooms and presence on the chat and broadcast pages, in headless Chromium against all of Parley on the local
 * gateway: two browsers, shared by the tests, and a WebSocket client without one; a fresh gateway and table for each
 * test.
 */
class RoomsInBrowserTest {

    private static final String SECRET = "rooms-browser-test-signing-secret-0123456789";
    /** Keeps every frame a page sends and receives, in {@code window.parleySent} and {@code window.parleyReceived}. */
    private static final String RECORDER = """
            window.parleySent = [];
            window.parleyReceived = [];
            window.WebSocket = class extends WebSocket {
              constructor(...given) {
                super(...given);
                this.addEventListener("message", (event) => window.parleyReceived.push(JSON.parse(event.data)));
              }
              send(data) {
                window.parleySent.push(JSON.parse(data));
                super.send(data);
              }
            };""";

    private static Dynalite dynalite;
    private static Browser annBrowser;
    private static Browser bobBrowser;

    private LocalParley parley;

    @BeforeAll
    static void startBrowsers() {
        dynalite = Dynalite.start(DynaliteOptions.inMemory());
        annBrowser = Browser.start();
        bobBrowser = Browser.start();
    }

    @AfterAll
    static void stopBrowsers() throws Exception {
        for (AutoCloseable started : new AutoCloseable[] {annBrowser, bobBrowser, dynalite}) {
            if (started != null) {
                started.close();
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
            for (Browser browser : List.of(annBrowser, bobBrowser)) {
                browser.reset();
            }
        } finally {
            parley.close();
        }
    }

    @Test
    void givenTwoPagesAndAClient_roomMessagesAndPresence_reachOnlyTheRoomsMembers() throws Exception {
        ChatPage ann = ChatPage.joined(annBrowser, parley.pages(), "Ann");
        ChatPage bob = ChatPage.joined(bobBrowser, parley.pages(), "Bob");
        try (SocketClient cid = SocketClient.connect(parley.webSocket(), Map.of("name", "Cid"))) {
            // The lobby lists everyone: Bob from the members Ann's page asked for, Cid from his presence.
            ann.awaitMembers("Ann (you)", "Bob", "Cid");
            assertThat(ann.currentRoom()).isEqualTo("#lobby");

            ann.joinRoom("design");
            assertThat(ann.rooms()).containsExactly("#lobby", "#design");
            ann.awaitMembers("Ann (you)");
            assertThat(ann.roomCount()).isEqualTo("1 person");
            bob.joinRoom("#design"); // the "#" people type out of habit is not part of the name

            ann.awaitMembers("Ann (you)", "Bob");
            assertThat(ann.roomCount()).isEqualTo("2 people");
            bob.awaitMembers("Ann", "Bob (you)");
            assertThat(ann.await("notice", "Bob joined.")).isNotNull();

            ann.send("Design review at three");
            assertThat(bob.await("other", "Design review at three").author()).isEqualTo("Ann");
            assertThat(ann.awaitDelivery("Design review at three")).isEqualTo("Delivered to 1 person");

            bob.switchTo("lobby");
            bob.send("Bob in the lobby");
            cid.await("Bob's lobby message", frame("message", Map.of("message", "Bob in the lobby")));
            // Sent after Ann's message was delivered: Cid, in the lobby only, would have had that one first.
            assertThat(cid.frames()).noneMatch(received -> "design".equals(received.get("room")));
            annBrowser.await("a lobby message unread on Ann's page", driver -> ann.unread("lobby") == 1);
            assertThat(ann.find("other", "Bob in the lobby")).isEmpty();
            assertThat(ann.unread("design")).isZero();

            cid.send(Map.of("action", "join", "room", "design", "clientId", "c1"));

            Map<String, Object> joined = cid.await("Cid's joined", frame("joined", Map.of("room", "design")));
            assertThat(memberNames(joined)).containsExactlyInAnyOrder("Ann", "Bob", "Cid");
            assertThat(joined.get("count")).isEqualTo(3);
            ann.awaitMembers("Ann (you)", "Bob", "Cid");
            ann.await("notice", "Cid joined.");

            bob.switchTo("design");
            bob.awaitMembers("Ann", "Bob (you)", "Cid");
            bob.leaveRoom("design");

            assertThat(bob.rooms()).containsExactly("#lobby");
            assertThat(bob.currentRoom()).isEqualTo("#lobby");
            ann.awaitMembers("Ann (you)", "Cid");
            ann.await("notice", "Bob left.");
            Map<String, Object> left = cid.await("Bob's leave", frame("presence", Map.of("event", "leave")));
            assertThat(left).containsEntry("room", "design").containsEntry("count", 2);
            assertThat(member(left)).containsEntry("name", "Bob");

            cid.send(Map.of("action", "sendMessage", "room", "design", "Message", "Cid in design", "clientId", "c2"));
            assertThat(ann.await("other", "Cid in design").author()).isEqualTo("Cid");
            assertThat(cid.await("the ack", frame("ack", Map.of("clientId", "c2")))).containsEntry("recipients", 1);

            ann.switchTo("lobby");
            assertThat(ann.unread("lobby")).isZero();
            assertThat(ann.shown()).extracting(Shown::text).contains("Bob in the lobby")
                    .doesNotContain("Design review at three", "Cid in design");
        }
    }

    @Test
    void givenMorePeopleThanOneList_showMorePeople_listsEveryMemberOnce() throws Exception {
        // A joined frame lists at most 100 members; the rest come page by page, as the page asks for them.
        List<String> crowd = IntStream.rangeClosed(1, 120).mapToObj(n -> String.format("Guest %03d", n)).toList();
        List<SocketClient> clients = new ArrayList<>();
        try {
            for (String name : crowd) {
                SocketClient client = SocketClient.connect(parley.webSocket(), Map.of("name", name));
                clients.add(client);
                client.send(Map.of("action", "join", "room", "crowd"));
            }
            for (SocketClient client : clients) {
                client.await("the crowd's joined", frame("joined", Map.of("room", "crowd")));
            }
            ChatPage ann = ChatPage.joined(annBrowser, parley.pages(), "Ann");
            ann.joinRoom("crowd");

            annBrowser.await("the first page of members", driver -> ann.members().size() == 100);
            assertThat(ann.roomCount()).isEqualTo("121 people");
            assertThat(ann.offersMorePeople()).isTrue();

            ann.showMorePeople();

            List<String> everyone = new ArrayList<>(crowd);
            everyone.add("Ann (you)");
            ann.awaitMembers(everyone.toArray(String[]::new));
            assertThat(ann.offersMorePeople()).isFalse();
        } finally {
            for (SocketClient client : clients) {
                client.close();
            }
        }
    }

    @Test
    void givenBroadcastPageWithARoom_broadcast_reachesOnlyThatRoomsMembers() throws Exception {
        ChatPage ann = ChatPage.joined(annBrowser, parley.pages(), "Ann");
        ann.joinRoom("ops");
        try (SocketClient cid = SocketClient.connect(parley.webSocket(), Map.of("name", "Cid"))) {
            ann.switchTo("lobby");
            ann.awaitMembers("Ann (you)", "Cid");
            ann.switchTo("ops");
            BroadcastPage broadcast = BroadcastPage.open(bobBrowser, parley.pages());

            assertThat(broadcast.roomError("ops team", "Hello")).isEqualTo(
                    "A room name uses only letters A–Z, digits and _ - . : (not spaces).");
            assertThat(broadcast.broadcastTo("ops", "Deploy freeze from noon")).isEqualTo(new Report(1, 1, 0, 0,
                    "Delivered to the one connection in #ops."));

            assertThat(ann.await("broadcast", "Deploy freeze from noon")).isNotNull();
            assertThat(broadcast.button()).isEqualTo("Broadcast to #ops");
            assertThat(broadcast.broadcast("Lunch is served")).isEqualTo(new Report(2, 2, 0, 0,
                    "Delivered to all 2 connections."));
            cid.await("the broadcast to everyone", frame("broadcast", Map.of("message", "Lunch is served")));
            // Broadcast after the one to #ops was delivered: Cid would have had that one first.
            assertThat(cid.frames()).noneMatch(received -> "Deploy freeze from noon".equals(received.get("message")));
            // A broadcast to everyone is shown where the reader is.
            assertThat(ann.await("broadcast", "Lunch is served")).isNotNull();
            ann.switchTo("lobby");
            assertThat(ann.shown()).extracting(Shown::text).doesNotContain("Deploy freeze from noon");
        }
    }

    @Test
    void givenUnacceptableRoomNames_chatPage_explainsInWordsAndJoinsNothing() {
        ChatPage ann = ChatPage.joined(annBrowser, parley.pages(), "Ann");

        assertThat(ann.roomError("  ")).isEqualTo("Enter a room name.");
        assertThat(ann.roomError("two words")).isEqualTo(
                "A room name uses only letters A–Z, digits and _ - . : (not spaces).");
        assertThat(ann.roomError("café/ü")).isEqualTo(
                "A room name uses only letters A–Z, digits and _ - . : (not “é”, “/”, “ü”).");
        assertThat(ann.roomError("x".repeat(65))).isEqualTo("A room name has at most 64 characters; this one has 65.");

        assertThat(ann.rooms()).containsExactly("#lobby");
        ann.joinRoom("team:web-2.0_" + "x".repeat(51));
        assertThat(ann.rooms()).hasSize(2);
    }

    @Test
    void givenLimitOfTwoRooms_joiningAThird_isRefusedInWordsAndTheRoomOnScreenStays() {
        parley.close();
        parley = LocalParley.start(dynalite, "--max-rooms-per-connection", "2");
        ChatPage ann = ChatPage.joined(annBrowser, parley.pages(), "Ann");
        ann.joinRoom("design"); // the lobby is the first of the two

        assertThat(ann.roomError("ops")).isEqualTo(
                "You are in as many rooms as Parley allows, so #ops was not joined. Leave a room to join another.");

        assertThat(ann.rooms()).containsExactly("#lobby", "#design");
        assertThat(ann.currentRoom()).isEqualTo("#design");
        ann.leaveRoom("design");
        ann.joinRoom("ops");
        assertThat(ann.rooms()).containsExactly("#lobby", "#ops");
    }

    @Test
    void givenConnectionDroppedByTheGateway_chatPage_joinsItsRoomsAgain() throws Exception {
        ChatPage ann = ChatPage.joined(annBrowser, parley.pages(), "Ann");
        ChatPage bob = ChatPage.joined(bobBrowser, parley.pages(), "Bob");
        ann.joinRoom("design");
        bob.joinRoom("design");
        bob.awaitMembers("Ann", "Bob (you)");
        String annsFirstConnection = bob.connectionIdOf("Ann");

        assertThat(parley.drop(annsFirstConnection)).isEqualTo(204);

        ann.awaitState("reconnecting");
        ann.awaitState("online");
        bobBrowser.await("Ann leaving and joining again", driver -> notices(bob).containsAll(
                List.of("Ann left.", "Ann joined.")));
        bob.awaitMembers("Ann", "Bob (you)");
        assertThat(bob.connectionIdOf("Ann")).isNotEqualTo(annsFirstConnection);
        assertThat(ann.currentRoom()).isEqualTo("#design");
        ann.send("Back in design");
        assertThat(bob.await("other", "Back in design").author()).isEqualTo("Ann");
        assertThat(ann.awaitDelivery("Back in design")).isEqualTo("Delivered to 1 person");
        assertThat(notices(ann)).containsExactly("You joined #design.", "Bob joined.", "Connection lost.",
                "Back online.");
    }

    @Test
    void givenOneUserInTwoTabs_rooms_countThePersonOnceAndDirectMessagesGoByUser() throws Exception {
        parley.close();
        parley = LocalParley.start(dynalite, "--auth-secret", SECRET, "--admin-key", "rooms-browser-test-admin-key");
        URI annsLink = URI.create(parley.pages() + "#token=" + LocalParley.token(SECRET, new Principal(
                new UserId("user-ann"), new DisplayName("Ann"), RoomAccess.only(List.of("design", "team-*")))));
        try (SocketClient bob = SocketClient.connect(parley.webSocket(), Map.of("token", LocalParley.token(SECRET,
                    new Principal(new UserId("user-bob"), new DisplayName("Bob")))));
             AutoCloseable recording = annBrowser.beforeEveryPage(RECORDER)) {
            bob.send(Map.of("action", "join", "room", "design"));
            bob.await("Bob's joined", frame("joined", Map.of("room", "design")));
            ChatPage first = ChatPage.joined(annBrowser, annsLink, "Ann");
            ChatPage second = ChatPage.joined(bobBrowser, annsLink, "Ann");

            first.joinRoom("design");
            assertThat(member(bob.await("Ann's join", frame("presence", Map.of("room", "design")))))
                    .containsEntry("userId", "user-ann").containsEntry("name", "Ann");
            second.joinRoom("design");

            second.awaitMembers("Ann (you)", "Bob");
            first.awaitMembers("Ann (you)", "Bob");
            assertThat(second.roomCount()).isEqualTo("2 people");
            second.send("From the second tab");
            bob.await("the second tab's message", frame("message", Map.of("message", "From the second tab",
                    "userId", "user-ann", "room", "design")));
            // Sent after the second tab joined the lobby and #design: a presence of either would have come first.
            assertThat(bob.frames()).filteredOn(frame("presence", Map.of()))
                    .extracting(presence -> presence.get("room")).containsExactlyInAnyOrder("lobby", "design");

            bob.send(Map.of("action", "sendMessage", "toUser", "user-ann", "Message", "To both tabs",
                    "clientId", "b1"));
            assertThat(bob.await("the ack", frame("ack", Map.of("clientId", "b1")))).containsEntry("recipients", 2);
            for (ChatPage tab : List.of(first, second)) {
                assertThat(tab.await("other", "To both tabs").direct()).isTrue();
            }
            first.writeToMember("Bob");
            first.send("Just to Bob");
            assertThat(bob.await("Ann's direct message", frame("message", Map.of("message", "Just to Bob"))))
                    .containsEntry("direct", true).containsEntry("userId", "user-ann");
            assertThat(first.awaitDelivery("Just to Bob")).isEqualTo("Delivered to Bob");
            assertThat(sent(annBrowser)).filteredOn(frame -> "Just to Bob".equals(frame.get("Message")))
                    .singleElement()
                    .satisfies(frame -> assertThat(frame).containsEntry("toUser", "user-bob").doesNotContainKey("to"));

            assertThat(first.roomError("secret")).isEqualTo("You are not allowed in #secret.");
            assertThat(first.rooms()).containsExactly("#lobby", "#design");
            first.joinRoom("team-web");

            first.leaveRoom("design");
            annBrowser.await("Parley's answer to leaving", driver -> received(annBrowser).stream()
                    .anyMatch(frame("left", Map.of("room", "design"))));
            second.send("Still here");
            bob.await("the second tab's message", frame("message", Map.of("message", "Still here")));
            assertThat(bob.frames()).noneMatch(frame("presence", Map.of("event", "leave")));
            second.leaveRoom("design");
            Map<String, Object> left = bob.await("Ann's leave", frame("presence", Map.of("event", "leave")));
            assertThat(left).containsEntry("room", "design").containsEntry("count", 1);
            assertThat(member(left)).containsEntry("userId", "user-ann");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> sent(Browser browser) {
        return (List<Map<String, Object>>) browser.script("return window.parleySent");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> received(Browser browser) {
        return (List<Map<String, Object>>) browser.script("return window.parleyReceived");
    }

    private static List<String> notices(ChatPage page) {
        return page.shown().stream().filter(shown -> shown.kind().equals("notice")).map(Shown::text).toList();
    }

    @Test
    void givenRoomsMembersAndUnread_onDesktopDarkAndPhone_pagesFitTheScreenAndAreCaptured() throws Exception {
        ChatPage ann = ChatPage.joined(annBrowser, parley.pages(), "Ann");
        ChatPage bob = ChatPage.joined(bobBrowser, parley.pages(), "Bob Marley");
        try (SocketClient cid = SocketClient.connect(parley.webSocket(), Map.of("name", "Cid"))) {
            ann.joinRoom("release-2.4");
            ann.joinRoom("design");
            bob.joinRoom("design");
            cid.send(Map.of("action", "join", "room", "design"));
            ann.awaitMembers("Ann (you)", "Bob Marley", "Cid");
            bob.send("Are the new room colours final?");
            ann.send("Nearly: the dark theme still needs a pass.");
            cid.send(Map.of("action", "sendMessage", "room", "design", "Message", "I'll take the phone layout."));
            cid.send(Map.of("action", "sendMessage", "Message", "Anyone up for lunch?"));
            bob.writeToMember("Ann");
            bob.send("Could you look at my review after this?");
            ann.await("other", "Could you look at my review after this?");
            annBrowser.await("the lobby message unread", driver -> ann.unread("lobby") == 1);

            annBrowser.assertFits("rooms-desktop", "#text");
            annBrowser.colourScheme("dark");
            annBrowser.assertFits("rooms-dark", "#text");
            annBrowser.resize(Browser.PHONE);
            annBrowser.assertFits("rooms-phone-dark", "#text");
            annBrowser.colourScheme("light");
            annBrowser.assertFits("rooms-phone", "#text");
            ann.openPanel();
            annBrowser.assertFits("rooms-phone-panel", "#room-name");
            ann.closePanel();

            BroadcastPage broadcast = BroadcastPage.open(bobBrowser, parley.pages());
            broadcast.broadcastTo("design", "Design review moved to 15:30.");
            bobBrowser.assertFits("broadcast-room-desktop", "#message");
            bobBrowser.resize(Browser.PHONE);
            bobBrowser.assertFits("broadcast-room-phone", "#message");
        }
    }
}
