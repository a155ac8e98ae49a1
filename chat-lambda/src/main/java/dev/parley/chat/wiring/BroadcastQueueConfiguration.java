package dev.parley.chat.wiring;

import dev.parley.chat.settings.aws.BroadcastQueueSettings;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where queued broadcasts go and how they are cut.
 *
 * @param settings    the inline limit and the page size
 * @param queueUrl    the SQS queue of broadcast pages ({@code BROADCAST_QUEUE_URL}); empty where the deployment has
 *                    none, and then a broadcast beyond the inline limit is refused with a {@code 500}
 * @param sqsEndpoint an SQS-compatible endpoint instead of AWS's ({@code SQS_ENDPOINT}; ElasticMQ locally)
 */
public record BroadcastQueueConfiguration(BroadcastQueueSettings settings, Optional<URI> queueUrl,
        Optional<URI> sqsEndpoint) {

    /** The default settings, and no queue. */
    public static final BroadcastQueueConfiguration NONE =
            new BroadcastQueueConfiguration(BroadcastQueueSettings.DEFAULT, Optional.empty(), Optional.empty());

    public BroadcastQueueConfiguration {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(queueUrl, "queue URL");
        Objects.requireNonNull(sqsEndpoint, "SQS endpoint");
    }
}
