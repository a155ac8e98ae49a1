package dev.parley.chat.domain.port.out;

import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.port.out.DeliveryResult.Outcome;
import java.util.List;
import java.util.Objects;

/** The outcomes of one publish, one per recipient. */
public record Deliveries(List<Delivery> all) {

    public Deliveries {
        all = List.copyOf(Objects.requireNonNull(all, "all"));
    }

    public int attempted() {
        return all.size();
    }

    public int count(Outcome outcome) {
        return (int) all.stream().filter(delivery -> delivery.result().outcome() == outcome).count();
    }

    public List<ConnectionId> recipients(Outcome outcome) {
        return all.stream()
                .filter(delivery -> delivery.result().outcome() == outcome)
                .map(Delivery::recipient)
                .toList();
    }
}
