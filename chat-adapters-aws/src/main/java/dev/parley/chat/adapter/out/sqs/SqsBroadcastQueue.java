package dev.parley.chat.adapter.out.sqs;

import dev.parley.chat.domain.model.BroadcastWork;
import dev.parley.chat.domain.port.out.BroadcastQueue;
import dev.parley.chat.protocol.BroadcastWorkCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * The broadcast work queue on Amazon SQS: plannings and pages go out with {@code SendMessageBatch}, ten a call (SQS's
 * most). An entry SQS refuses on its own side is sent again, a few times. A call that fails outright is made once
 * more: a planner queues hundreds of calls, and one of them slow past its timeout must not refuse every page after it
 * (it did: 97 % of a million-recipient broadcast ended failed on a starved machine). A call that fails twice means the
 * queue is unreachable: its messages and every later one are refused at once, so a caller with SQS down hears of it
 * within two calls' time.
 */
public final class SqsBroadcastQueue implements BroadcastQueue {

    /** SQS takes at most ten entries a batch call. */
    static final int BATCH_SIZE = 10;
    /** How often an entry SQS refused on its own side (not the sender's fault) is offered. */
    static final int ATTEMPTS = 3;

    private final SqsClient sqs;
    private final String queueUrl;
    private final BroadcastWorkCodec codec;

    public SqsBroadcastQueue(SqsClient sqs, String queueUrl, BroadcastWorkCodec codec) {
        this.sqs = Objects.requireNonNull(sqs, "SQS client");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queue URL");
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    @Override
    public <W extends BroadcastWork> List<W> enqueue(List<W> work) {
        List<W> refused = new ArrayList<>();
        for (int from = 0; from < work.size(); from += BATCH_SIZE) {
            List<W> batch = work.subList(from, Math.min(work.size(), from + BATCH_SIZE));
            try {
                refused.addAll(send(batch));
            } catch (SdkException unreachable) {
                refused.addAll(work.subList(from, work.size()));
                return refused;
            }
        }
        return refused;
    }

    /** Sends the batch, offering again what SQS refused on its side; returns what it still refused. */
    private <W extends BroadcastWork> List<W> send(List<W> batch) {
        Map<String, W> pending = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            pending.put(Integer.toString(i), batch.get(i));
        }
        List<W> refused = new ArrayList<>();
        for (int attempt = 1; attempt <= ATTEMPTS && !pending.isEmpty(); attempt++) {
            List<SendMessageBatchRequestEntry> entries = pending.entrySet().stream()
                    .map(entry -> SendMessageBatchRequestEntry.builder()
                            .id(entry.getKey())
                            .messageBody(codec.encode(entry.getValue()))
                            .build())
                    .toList();
            var response = sendAgainIfItFails(entries);
            response.successful().forEach(sent -> pending.remove(sent.id()));
            for (BatchResultErrorEntry failed : response.failed()) {
                if (failed.senderFault()) {
                    refused.add(pending.remove(failed.id()));
                }
            }
        }
        refused.addAll(pending.values());
        return refused;
    }

    /**
     * One {@code SendMessageBatch}, made once more if it fails outright; the second failure is thrown. A call that
     * timed out may have been stored all the same, so its pages may be queued twice: a page is counted once however
     * often it comes (ADR 0011).
     */
    private SendMessageBatchResponse sendAgainIfItFails(List<SendMessageBatchRequestEntry> entries) {
        var request = SendMessageBatchRequest.builder().queueUrl(queueUrl).entries(entries).build();
        try {
            return sqs.sendMessageBatch(request);
        } catch (SdkException failedOnce) {
            return sqs.sendMessageBatch(request);
        }
    }
}
