package dev.parley.deploy;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/** The stack's log groups: the functions' and the APIs' access logs, all kept for the same time. */
final class LogGroups {

    /**
     * A month covers an incident noticed late (after a weekend or a holiday) while bounding what is stored and paid
     * for; CloudWatch's default keeps logs forever.
     */
    static final RetentionDays RETENTION = RetentionDays.ONE_MONTH;

    private LogGroups() {}

    /** A log group that goes with the stack only when the data does ({@code -c removalPolicy=destroy}). */
    static LogGroup create(Construct scope, String id, RemovalPolicy removalPolicy) {
        return LogGroup.Builder.create(scope, id)
                .retention(RETENTION)
                .removalPolicy(removalPolicy)
                .build();
    }
}
