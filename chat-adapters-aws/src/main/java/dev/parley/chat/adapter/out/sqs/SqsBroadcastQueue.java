package dev.parley.chat.adapter.out.sqs;

import dev.parley.chat.domain.model.BroadcastPage;
import dev.parley.chat.domain.port.out.BroadcastQueue;
import dev.parley.chat.protocol.BroadcastPageCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The broadcast work queue on Amazon SQS: pages go out with {@code SendMessageBatch}, ten a call (SQS's most). An entry
 * SQS refuses on its own side is sent again, a few times; a call that fails outright (the queue unreachable) refuses
 * its pages and every later one at once, so a caller with SQS down hears of it in one call's time.
 */
public final class SqsBroadcastQueue implements BroadcastQueue {

    /** SQS takes at most ten entries a batch call. */
    static final int BATCH_SIZE = 10;
    /** How often an entry SQS refused on its own side (not the sender's fault) is offered. */
    static final int ATTEMPTS = 3;

    private final SqsClient sqs;
    private final String queueUrl;
    private final BroadcastPageCodec codec;

    public SqsBroadcastQueue(SqsClient sqs, String queueUrl, BroadcastPageCodec codec) {
        this.sqs = Objects.requireNonNull(sqs, "SQS client");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queue URL");
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    @Override
    public List<BroadcastPage> enqueue(List<BroadcastPage> pages) {
        List<BroadcastPage> refused = new ArrayList<>();
        for (int from = 0; from < pages.size(); from += BATCH_SIZE) {
            List<BroadcastPage> batch = pages.subList(from, Math.min(pages.size(), from + BATCH_SIZE));
            try {
                refused.addAll(send(batch));
            } catch (SdkException unreachable) {
                refused.addAll(pages.subList(from, pages.size()));
                return refused;
            }
        }
        return refused;
    }

    /** Sends the batch, offering again what SQS refused on its side; returns what it still refused. */
    private List<BroadcastPage> send(List<BroadcastPage> batch) {
        Map<String, BroadcastPage> pending = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            pending.put(Integer.toString(i), batch.get(i));
        }
        List<BroadcastPage> refused = new ArrayList<>();
        for (int attempt = 1; attempt <= ATTEMPTS && !pending.isEmpty(); attempt++) {
            List<SendMessageBatchRequestEntry> entries = pending.entrySet().stream()
                    .map(entry -> SendMessageBatchRequestEntry.builder()
                            .id(entry.getKey())
                            .messageBody(codec.encode(entry.getValue()))
                            .build())
                    .toList();
            var response = sqs.sendMessageBatch(request -> request.queueUrl(queueUrl).entries(entries));
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
}
