package dev.parley.chat.adapter.in.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.parley.chat.domain.model.BroadcastPage;
import dev.parley.chat.domain.port.in.SendBroadcastPageUseCase;
import dev.parley.chat.domain.port.in.SentPage;
import dev.parley.chat.protocol.BroadcastPageCodec;
import dev.parley.chat.protocol.InvalidFrameException;
import dev.parley.chat.wiring.ChatComponent;
import dev.parley.chat.wiring.ExecutionEnvironment;
import java.util.ArrayList;
import java.util.List;

/**
 * The worker of queued broadcasts: the SQS event source hands it a batch of pages, and it sends them one after the
 * other. It answers with the pages that failed ({@code ReportBatchItemFailures}): only those go back to the queue, to
 * come again after the visibility timeout and, after the queue's {@code maxReceiveCount}, to the dead-letter queue. A
 * page it cannot read fails the same way, so it ends in the dead-letter queue where an operator sees it.
 */
public final class BroadcastWorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final SendBroadcastPageUseCase pages;
    private final BroadcastPageCodec codec;

    public BroadcastWorkerHandler() {
        this(ExecutionEnvironment.chatComponent());
    }

    BroadcastWorkerHandler(ChatComponent component) {
        this.pages = component.sendBroadcastPageUseCase();
        this.codec = component.broadcastPageCodec();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage message : records) {
            try {
                BroadcastPage page = codec.decode(message.getBody());
                SentPage sent = pages.send(page);
                context.getLogger().log("broadcast " + page.broadcast() + " page " + page.number() + ": " + sent,
                        LogLevel.INFO);
            } catch (InvalidFrameException unreadable) {
                context.getLogger().log("message " + message.getMessageId() + " is not a broadcast page: "
                        + unreadable.getMessage(), LogLevel.ERROR);
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            } catch (RuntimeException failure) {
                context.getLogger().log("message " + message.getMessageId() + " failed, to come again: " + failure,
                        LogLevel.ERROR);
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }
}
