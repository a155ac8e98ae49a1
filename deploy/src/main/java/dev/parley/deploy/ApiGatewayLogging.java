package dev.parley.deploy;

import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.apigateway.CfnAccount;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;

/**
 * The role API Gateway logs to CloudWatch with: one per account and region, set in API Gateway's account settings,
 * and needed before any REST or WebSocket stage may log. Kept when the stack is deleted, because every other API of
 * the account that logs relies on the same setting.
 */
final class ApiGatewayLogging extends Construct {

    static final String PUSH_TO_CLOUDWATCH_POLICY = "service-role/AmazonAPIGatewayPushToCloudWatchLogs";

    ApiGatewayLogging(Construct scope, String id) {
        super(scope, id);
        Role role = Role.Builder.create(this, "CloudWatchRole")
                .assumedBy(new ServicePrincipal("apigateway.amazonaws.com"))
                .description("Lets API Gateway write the stages' access and error logs")
                .managedPolicies(List.of(ManagedPolicy.fromAwsManagedPolicyName(PUSH_TO_CLOUDWATCH_POLICY)))
                .build();
        role.applyRemovalPolicy(RemovalPolicy.RETAIN);
        CfnAccount account = CfnAccount.Builder.create(this, "Account")
                .cloudWatchRoleArn(role.getRoleArn())
                .build();
        account.applyRemovalPolicy(RemovalPolicy.RETAIN);
        Nag.suppress(role, "AwsSolutions-IAM4", "API Gateway's own service-role policy for its account-wide logging role:"
                + " AWS maintains it, and it grants only log-group and log-stream writes",
                "Policy::arn:<AWS::Partition>:iam::aws:policy/" + PUSH_TO_CLOUDWATCH_POLICY);
    }
}
