package dev.parley.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.parley.chat.adapter.in.lambda.BroadcastWorkerRoute;
import dev.parley.chat.settings.aws.BroadcastQueueSettings;
import dev.parley.chat.wiring.BroadcastQueueConfiguration;
import dev.parley.local.gateway.sqs.EmbeddedSqs;
import dev.parley.local.gateway.sqs.QueueDefinition;
import dev.parley.local.gateway.sqs.SqsEventSource;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The queue of broadcast pages and its dead-letter queue, made as the deployment makes them
 * ({@link BroadcastWorkerRoute}), on an embedded ElasticMQ or a given SQS-compatible endpoint.
 */
public final class BroadcastQueues implements AutoCloseable {

    private final Optional<EmbeddedSqs> embedded;
    private final URI endpoint;
    private final SqsClient sqs;
    private final QueueDefinition.Urls urls;

    private BroadcastQueues(Optional<EmbeddedSqs> embedded, URI endpoint, SqsClient sqs, QueueDefinition.Urls urls) {
        this.embedded = embedded;
        this.endpoint = endpoint;
        this.sqs = sqs;
        this.urls = urls;
    }

    /** Starts ElasticMQ unless {@code options} give an endpoint, and makes the queues there when missing. */
    static BroadcastQueues start(LocalBroadcastQueue options, String region, AwsCredentialsProvider credentials) {
        Optional<EmbeddedSqs> embedded = options.sqsEndpoint().isPresent() ? Optional.empty()
                : Optional.of(EmbeddedSqs.start());
        URI endpoint = options.sqsEndpoint().orElseGet(() -> embedded.orElseThrow().endpoint());
        SqsClient sqs = null;
        try {
            sqs = SqsClient.builder()
                    .endpointOverride(endpoint)
                    .region(Region.of(region))
                    .credentialsProvider(credentials)
                    .httpClient(UrlConnectionHttpClient.builder().build())
                    .build();
            var definition = new QueueDefinition(BroadcastWorkerRoute.QUEUE_NAME,
                    BroadcastWorkerRoute.DEAD_LETTER_QUEUE_NAME, options.visibilityTimeout(),
                    BroadcastWorkerRoute.MAX_RECEIVE_COUNT);
            return new BroadcastQueues(embedded, endpoint, sqs, definition.create(sqs));
        } catch (RuntimeException failure) {
            if (sqs != null) {
                sqs.close();
            }
            embedded.ifPresent(EmbeddedSqs::close);
            throw new IllegalStateException("the broadcast queues could not be made at " + endpoint + ": "
                    + failure.getMessage(), failure);
        }
    }

    /** What the functions are told: the queue of pages on this endpoint. */
    BroadcastQueueConfiguration configuration(BroadcastQueueSettings settings) {
        return new BroadcastQueueConfiguration(settings, Optional.of(URI.create(urls.queue())), Optional.of(endpoint));
    }

    /** The worker's event source, as the deployment maps the queue to the worker function. */
    SqsEventSource eventSource(Supplier<RequestHandler<SQSEvent, SQSBatchResponse>> workerEnvironments) {
        return SqsEventSource.start(sqs, new SqsEventSource.Mapping(urls.queue(), BroadcastWorkerRoute.BATCH_SIZE,
                BroadcastWorkerRoute.MAX_CONCURRENCY, BroadcastWorkerRoute.FUNCTION_TIMEOUT), workerEnvironments,
                Clock.systemUTC(), System.out::println);
    }

    public URI endpoint() {
        return endpoint;
    }

    public boolean embedded() {
        return embedded.isPresent();
    }

    public String queueUrl() {
        return urls.queue();
    }

    public String deadLetterQueueUrl() {
        return urls.deadLetterQueue();
    }

    /** A client of the endpoint, for tests that look into the queues. */
    public SqsClient client() {
        return sqs;
    }

    @Override
    public void close() {
        try {
            sqs.close();
        } finally {
            embedded.ifPresent(EmbeddedSqs::close);
        }
    }
}
