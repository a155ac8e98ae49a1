package dev.parley.chat.adapter.out.memory;

import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.ResendKey;
import dev.parley.chat.domain.model.SendReceipt;
import dev.parley.chat.domain.port.out.SendReceipts;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link SendReceipts} in a map: the receipts of a single-node chat-server and of tests, and the reference the contract
 * test is written against. One lock makes every change atomic.
 */
public final class InMemorySendReceipts implements SendReceipts {

    private final Map<ResendKey, SendReceipt> receipts = new HashMap<>();

    @Override
    public synchronized Optional<SendReceipt> claim(ResendKey key, SendReceipt receipt, Instant at) {
        SendReceipt held = receipts.get(key);
        if (held != null && !held.isExpired(at)) {
            return Optional.of(held);
        }
        receipts.put(key, receipt);
        return Optional.empty();
    }

    @Override
    public synchronized void settle(ResendKey key, SendReceipt receipt) {
        receipts.computeIfPresent(key, (k, held) -> held.id().equals(receipt.id()) ? receipt : held);
    }

    @Override
    public synchronized void release(ResendKey key, MessageId id) {
        receipts.computeIfPresent(key, (k, held) -> held.id().equals(id) ? null : held);
    }
}
