package dev.parley.chat.domain.port.out;

import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.model.ResendKey;
import dev.parley.chat.domain.model.SendReceipt;
import java.time.Instant;
import java.util.Optional;

/**
 * The receipts of sends that carried a client's message id, so that a resend is recognised. Each change is one atomic
 * write: of racing claims of one key exactly one succeeds.
 */
public interface SendReceipts {

    /**
     * Claims {@code key} for {@code receipt} unless a receipt not expired {@code at} holds it.
     *
     * @return empty when claimed; else the receipt that holds the key (nothing changed)
     */
    Optional<SendReceipt> claim(ResendKey key, SendReceipt receipt, Instant at);

    /** Replaces the receipt of {@code receipt}'s message (now stored) on {@code key}; changes nothing when another holds it. */
    void settle(ResendKey key, SendReceipt receipt);

    /** Gives {@code key} up when the message {@code id} claimed it for was not sent after all; else changes nothing. */
    void release(ResendKey key, MessageId id);
}
