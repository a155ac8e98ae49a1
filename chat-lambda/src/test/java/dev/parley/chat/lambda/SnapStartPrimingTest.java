package dev.parley.chat.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.chat.domain.model.Connection;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.DisplayName;
import dev.parley.chat.lambda.wiring.SnapStartPriming;
import org.junit.jupiter.api.Test;

class SnapStartPrimingTest {

    private final FakeChatComponent component = new FakeChatComponent();

    @Test
    void givenAnyRoom_prime_storesAndSendsNothing() {
        var ann = new Connection(new ConnectionId("annConn1234567=="), new DisplayName("Ann"), FakeChatComponent.NOW);
        component.store.register(ann);
        var before = component.store.find(ann.id()).orElseThrow();

        SnapStartPriming.prime(component);

        assertThat(component.store.find(SnapStartPriming.NEVER_CONNECTED)).isEmpty();
        assertThat(component.store.find(ann.id())).contains(before);
        assertThat(component.publisher.sent()).isEmpty();
    }

    @Test
    void givenThePrimingIdRegistered_prime_refusesToSendAsIt() {
        component.store.register(
                new Connection(SnapStartPriming.NEVER_CONNECTED, new DisplayName("Mallory"), FakeChatComponent.NOW));

        assertThatThrownBy(() -> SnapStartPriming.prime(component))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("priming expected no connection");
        assertThat(component.publisher.sent()).isEmpty();
    }
}
