package dev.parley.chat.adapter.in.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.parley.chat.domain.model.BroadcastPage;
import dev.parley.chat.domain.model.BroadcastPlanning;
import dev.parley.chat.domain.model.BroadcastWork;
import dev.parley.chat.domain.port.in.PlanBroadcastUseCase;
import dev.parley.chat.domain.port.in.SendBroadcastPageUseCase;
import dev.parley.chat.protocol.BroadcastWorkCodec;
import dev.parley.chat.protocol.InvalidFrameException;
import dev.parley.chat.wiring.ChatComponent;
import dev.parley.chat.wiring.ExecutionEnvironment;
import java.util.ArrayList;
import java.util.List;

/**
 * The worker of queued broadcasts: the SQS event source hands it a batch of work, and it does it one after the other:
 * a planning reads a broadcast's audience and queues its pages, a page is sent. It answers with the messages that
 * failed ({@code ReportBatchItemFailures}): only those go back to the queue, to come again after the visibility timeout
 * and, after the queue's {@code maxReceiveCount}, to the dead-letter queue. A message it cannot read fails the same
 * way, so it ends in the dead-letter queue where an operator sees it.
 */
public final class BroadcastWorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final SendBroadcastPageUseCase pages;
    private final PlanBroadcastUseCase plannings;
    private final BroadcastWorkCodec codec;

    public BroadcastWorkerHandler() {
        this(ExecutionEnvironment.chatComponent(PrimedFunction.BROADCAST_WORKER));
    }

    BroadcastWorkerHandler(ChatComponent component) {
        this.pages = component.sendBroadcastPageUseCase();
        this.plannings = component.planBroadcastUseCase();
        this.codec = component.broadcastWorkCodec();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage message : records) {
            try {
                BroadcastWork work = codec.decode(message.getBody());
                if (work instanceof BroadcastPage page) {
                    context.getLogger().log("broadcast " + page.broadcast() + " page " + page.number() + ": "
                            + pages.send(page), LogLevel.INFO);
                } else {
                    context.getLogger().log("broadcast " + work.broadcast() + " planned: "
                            + plannings.plan((BroadcastPlanning) work), LogLevel.INFO);
                }
            } catch (InvalidFrameException unreadable) {
                context.getLogger().log("message " + message.getMessageId() + " is not broadcast work: "
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
