package dev.parley.local;

import dev.parley.chat.adapter.in.lambda.BroadcastWorkerRoute;
import dev.parley.chat.settings.aws.BroadcastQueueSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How chat-local queues broadcasts beyond the inline limit.
 *
 * @param sqsEndpoint       an SQS-compatible endpoint to use; empty starts an embedded ElasticMQ
 * @param settings          the inline limit and page size, as {@code BROADCAST_INLINE_LIMIT} and
 *                          {@code BROADCAST_PAGE_SIZE} set them on AWS
 * @param visibilityTimeout how long a page being worked on stays hidden: the deployment's, or shorter for tests
 *                          that wait for a killed worker's page to come back
 */
public record LocalBroadcastQueue(Optional<URI> sqsEndpoint, BroadcastQueueSettings settings,
        Duration visibilityTimeout) {

    public static final LocalBroadcastQueue DEFAULT = new LocalBroadcastQueue(Optional.empty(),
            BroadcastQueueSettings.DEFAULT, BroadcastWorkerRoute.VISIBILITY_TIMEOUT);

    public LocalBroadcastQueue {
        Objects.requireNonNull(sqsEndpoint, "SQS endpoint");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(visibilityTimeout, "visibility timeout");
        if (visibilityTimeout.toMillis() < 1000 || visibilityTimeout.toMillis() % 1000 != 0
                || visibilityTimeout.toHours() > 12) {
            throw new IllegalArgumentException("the visibility timeout is whole seconds from 1 s to 12 h, not "
                    + visibilityTimeout);
        }
    }
}
