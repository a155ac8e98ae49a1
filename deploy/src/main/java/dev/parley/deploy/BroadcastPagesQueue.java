package dev.parley.deploy;

import dev.parley.chat.adapter.in.lambda.BroadcastWorkerRoute;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The queue of broadcast pages the worker reads ({@link BroadcastWorkerRoute}: its visibility timeout, and the receives
 * after which a page moves to the dead-letter queue), both encrypted and reachable over TLS only, and an alarm as soon
 * as a page reaches the dead-letter queue: a page there is recipients never sent to.
 */
final class BroadcastPagesQueue extends Construct {

    /** A page in the dead-letter queue is kept two weeks (SQS's longest) for an operator to look at and redrive. */
    static final Duration DEAD_LETTER_RETENTION = Duration.days(14);

    private final Queue pages;
    private final Queue deadLetters;
    private final Alarm deadLetterAlarm;

    BroadcastPagesQueue(Construct scope, String id) {
        super(scope, id);
        this.deadLetters = Queue.Builder.create(this, "DeadLetters")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(DEAD_LETTER_RETENTION)
                .build();
        Nag.suppress(deadLetters, "AwsSolutions-SQS3", "this is the dead-letter queue of the broadcast pages; its depth"
                + " raises an alarm");
        this.pages = Queue.Builder.create(this, "Pages")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .visibilityTimeout(Duration.seconds(BroadcastWorkerRoute.VISIBILITY_TIMEOUT.toSeconds()))
                .deadLetterQueue(DeadLetterQueue.builder()
                        .queue(deadLetters)
                        .maxReceiveCount(BroadcastWorkerRoute.MAX_RECEIVE_COUNT)
                        .build())
                .build();
        this.deadLetterAlarm = Alarm.Builder.create(this, "DeadLettersAlarm")
                .alarmDescription("Broadcast pages reached the dead-letter queue: their recipients were not sent to."
                        + " Read the worker's logs, then redrive the pages.")
                .metric(deadLetters.metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                        .period(Duration.minutes(1))
                        .statistic("Maximum")
                        .build()))
                .threshold(1)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
    }

    Queue pages() {
        return pages;
    }

    Queue deadLetters() {
        return deadLetters;
    }

    Alarm deadLetterAlarm() {
        return deadLetterAlarm;
    }
}
