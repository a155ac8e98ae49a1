package dev.parley.chat.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The rules of the small history types: what each refuses to be. */
class HistoryTypesTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final Epoch EPOCH = new Epoch("e1");
    private static final RoomName ROOM = new RoomName("design");

    @Test
    void epochAndClientMessageId_areOneToSixtyFourOfTheirCharacters() {
        assertThat(Epoch.isValid("a".repeat(64))).isTrue();
        assertThat(Epoch.isValid(Epoch.random().value())).isTrue();
        assertThat(Epoch.isValid("a".repeat(65))).isFalse();
        assertThat(Epoch.isValid("")).isFalse();
        assertThat(Epoch.isValid("a#b")).isFalse();
        assertThat(ClientMessageId.isValid("m-1_A")).isTrue();
        assertThat(ClientMessageId.isValid("m 1")).isFalse();
        assertThat(ClientMessageId.isValid(null)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> new ClientMessageId("x".repeat(65)));
    }

    @Test
    void position_headAndGap_refuseWhatCannotBe() {
        assertThatIllegalArgumentException().isThrownBy(() -> new HistoryPosition(EPOCH, -1));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new HistoryHead(new HistoryPosition(EPOCH, 0), Optional.of(NOW)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new HistoryHead(new HistoryPosition(EPOCH, 3), Optional.empty()));
        assertThatIllegalArgumentException().isThrownBy(() -> new Gap(0, 3, GapReason.WINDOW));
        assertThatIllegalArgumentException().isThrownBy(() -> new Gap(5, 3, GapReason.WINDOW));
        assertThat(new Gap(42, 812, GapReason.WINDOW).count()).isEqualTo(771);
    }

    @Test
    void storedMessage_isARoomMessageCarryingItsOwnSeq() {
        var direct = message(Optional.empty(), OptionalLong.empty());
        var unnumbered = message(Optional.of(ROOM), OptionalLong.empty());
        var elsewhere = message(Optional.of(ROOM), OptionalLong.of(8));

        assertThatIllegalArgumentException().isThrownBy(() -> new StoredMessage(new HistoryPosition(EPOCH, 7), direct));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new StoredMessage(new HistoryPosition(EPOCH, 7), unnumbered));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new StoredMessage(new HistoryPosition(EPOCH, 7), elsewhere));
        assertThat(new StoredMessage(new HistoryPosition(EPOCH, 8), elsewhere).room()).isEqualTo(ROOM);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> message(Optional.empty(), OptionalLong.of(1)));
    }

    @Test
    void catchup_holdsMessagesInSeqOrderEachOnce() {
        var seven = new StoredMessage(new HistoryPosition(EPOCH, 7), message(Optional.of(ROOM), OptionalLong.of(7)));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Catchup(Optional.empty(), List.of(seven, seven), List.of()));
    }

    @Test
    void resendKey_isTheUsersWhenThereIsOne_elseTheConnections() {
        var clientId = new ClientMessageId("m1");
        var anonymous = new Connection(new ConnectionId("QW5u"), new DisplayName("Ann"), NOW);
        var firstTab = new Connection(new ConnectionId("QW5u"), new DisplayName("Ann"), NOW,
                Optional.of(new UserId("ann")));
        var secondTab = new Connection(new ConnectionId("QW5uMg=="), new DisplayName("Ann"), NOW,
                Optional.of(new UserId("ann")));

        assertThat(ResendKey.of(firstTab, clientId)).isEqualTo(ResendKey.of(secondTab, clientId));
        assertThat(ResendKey.of(anonymous, clientId)).isNotEqualTo(ResendKey.of(firstTab, clientId));
    }

    @Test
    void sendReceipt_expiresAfterTheResendWindow() {
        var receipt = new SendReceipt(MessageId.random(), NOW, Optional.empty());

        assertThat(receipt.isExpired(NOW.plus(SendReceipt.RESEND_WINDOW).minusNanos(1))).isFalse();
        assertThat(receipt.isExpired(NOW.plus(SendReceipt.RESEND_WINDOW))).isTrue();
    }

    private static ChatMessage message(Optional<RoomName> room, OptionalLong seq) {
        return new ChatMessage(MessageId.random(), new ConnectionId("QW5u"), new DisplayName("Ann"), Optional.empty(),
                new MessageText("hi"), NOW, room, seq);
    }
}
