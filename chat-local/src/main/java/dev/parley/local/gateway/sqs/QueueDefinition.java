package dev.parley.local.gateway.sqs;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A standard queue and its dead-letter queue, as a deployment defines them: a message received
 * {@code maxReceiveCount} times without being deleted moves to the dead-letter queue.
 */
public record QueueDefinition(String name, String deadLetterName, Duration visibilityTimeout, int maxReceiveCount) {

    public QueueDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(deadLetterName, "dead-letter queue name");
        Objects.requireNonNull(visibilityTimeout, "visibility timeout");
        if (visibilityTimeout.isNegative() || visibilityTimeout.toSeconds() > 43_200
                || visibilityTimeout.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("a visibility timeout is whole seconds from 0 to 12 hours, not "
                    + visibilityTimeout);
        }
        if (maxReceiveCount < 1 || maxReceiveCount > 1000) {
            throw new IllegalArgumentException("maxReceiveCount is from 1 to 1000, not " + maxReceiveCount);
        }
    }

    /** The URLs of a queue and its dead-letter queue. */
    public record Urls(String queue, String deadLetterQueue) {}

    /** Creates both queues (SQS's CreateQueue returns a queue that exists with these attributes as it is). */
    public Urls create(SqsClient sqs) {
        String deadLetterUrl = sqs.createQueue(request -> request.queueName(deadLetterName)).queueUrl();
        String deadLetterArn = sqs.getQueueAttributes(request -> request.queueUrl(deadLetterUrl)
                        .attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String redrivePolicy = "{\"deadLetterTargetArn\":\"" + deadLetterArn + "\",\"maxReceiveCount\":\""
                + maxReceiveCount + "\"}";
        String queueUrl = sqs.createQueue(request -> request.queueName(name).attributes(Map.of(
                        QueueAttributeName.VISIBILITY_TIMEOUT, Long.toString(visibilityTimeout.toSeconds()),
                        QueueAttributeName.REDRIVE_POLICY, redrivePolicy)))
                .queueUrl();
        return new Urls(queueUrl, deadLetterUrl);
    }
}
