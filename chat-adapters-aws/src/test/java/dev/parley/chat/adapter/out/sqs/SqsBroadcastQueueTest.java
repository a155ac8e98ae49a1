package dev.parley.chat.adapter.out.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.domain.model.BroadcastPage;
import dev.parley.chat.domain.model.BroadcastWork;
import dev.parley.chat.domain.model.ConnectionId;
import dev.parley.chat.domain.model.MessageId;
import dev.parley.chat.domain.port.out.AbstractBroadcastQueueTest;
import dev.parley.chat.domain.port.out.BroadcastQueue;
import dev.parley.chat.protocol.BroadcastWorkCodec;
import dev.parley.chat.protocol.InvalidFrameException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sqs.model.Message;

/** The broadcast queue contract on a real (embedded) ElasticMQ, and what happens with no SQS to reach. */
class SqsBroadcastQueueTest extends AbstractBroadcastQueueTest {

    private static LocalSqs sqs;
    private final BroadcastWorkCodec codec = new BroadcastWorkCodec();
    private String queueUrl;

    @BeforeAll
    static void startElasticMq() {
        sqs = LocalSqs.start();
    }

    @AfterAll
    static void stopElasticMq() {
        sqs.close();
    }

    @Override
    protected BroadcastQueue createEmptyQueue() {
        queueUrl = sqs.createQueue();
        return new SqsBroadcastQueue(sqs.client(), queueUrl, codec);
    }

    @Override
    protected List<BroadcastWork> takeAll() {
        List<BroadcastWork> taken = new ArrayList<>();
        List<Message> received;
        do {
            received = sqs.client().receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(0)).messages();
            for (Message message : received) {
                try {
                    taken.add(codec.decode(message.body()));
                } catch (InvalidFrameException unreadable) {
                    throw new AssertionError("the queue holds a page it cannot read back: " + message.body(), unreadable);
                }
                sqs.client().deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        } while (!received.isEmpty());
        return taken;
    }

    @Test
    void givenOneBatchCallFailingOutright_enqueue_makesItAgain_andQueuesEveryPage() {
        // As a call slow past its timeout does: the third of the planner's calls fails before it reaches SQS.
        var calls = new AtomicInteger();
        ExecutionInterceptor thirdCallFails = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (calls.incrementAndGet() == 3) {
                    throw SdkClientException.create("the third call timed out");
                }
            }
        };
        try (var client = LocalSqs.client(sqs.endpoint(), thirdCallFails)) {
            queueUrl = sqs.createQueue();
            BroadcastQueue queue = new SqsBroadcastQueue(client, queueUrl, codec);
            List<BroadcastPage> pages = pages(35);

            assertThat(queue.enqueue(pages)).isEmpty();
            assertThat(takeAll()).containsExactlyInAnyOrderElementsOf(pages);
            assertThat(calls).hasValue(5);
        }
    }

    @Test
    void givenNoSqsToReach_enqueue_refusesEveryPage_withinTwoCallsTime() {
        URI nothingListens = URI.create("http://127.0.0.1:" + LocalSqs.freePort());
        try (var client = LocalSqs.client(nothingListens)) {
            var queue = new SqsBroadcastQueue(client, nothingListens + "/000000000000/pages", codec);
            List<BroadcastPage> pages = pages(25);

            long started = System.nanoTime();
            assertThat(queue.enqueue(pages)).containsExactlyElementsOf(pages);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        }
    }

    /** {@code count} pages of one broadcast, of one recipient each. */
    private static List<BroadcastPage> pages(int count) {
        MessageId broadcast = MessageId.random();
        return IntStream.range(0, count)
                .mapToObj(n -> new BroadcastPage(broadcast, n, List.of(new ConnectionId("QW5uLWNvbm4="))))
                .toList();
    }
}
