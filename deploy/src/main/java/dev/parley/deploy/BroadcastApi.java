package dev.parley.deploy;

import dev.parley.chat.adapter.in.lambda.BroadcastRoute;
import dev.parley.chat.adapter.in.lambda.BroadcastStatusRoute;
import dev.parley.chat.adapter.in.lambda.CorsPolicy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigateway.AuthorizationType;
import software.amazon.awscdk.services.apigateway.IAuthorizer;
import software.amazon.awscdk.services.apigateway.ApiKeyOptions;
import software.amazon.awscdk.services.apigateway.CorsOptions;
import software.amazon.awscdk.services.apigateway.EndpointType;
import software.amazon.awscdk.services.apigateway.GatewayResponseOptions;
import software.amazon.awscdk.services.apigateway.IApiKey;
import software.amazon.awscdk.services.apigateway.LambdaIntegration;
import software.amazon.awscdk.services.apigateway.LogGroupLogDestination;
import software.amazon.awscdk.services.apigateway.Method;
import software.amazon.awscdk.services.apigateway.MethodDeploymentOptions;
import software.amazon.awscdk.services.apigateway.MethodLoggingLevel;
import software.amazon.awscdk.services.apigateway.MethodOptions;
import software.amazon.awscdk.services.apigateway.Period;
import software.amazon.awscdk.services.apigateway.QuotaSettings;
import software.amazon.awscdk.services.apigateway.Resource;
import software.amazon.awscdk.services.apigateway.ResourceOptions;
import software.amazon.awscdk.services.apigateway.ResponseType;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.apigateway.StageOptions;
import software.amazon.awscdk.services.apigateway.ThrottleSettings;
import software.amazon.awscdk.services.apigateway.UsagePlanPerApiStage;
import software.amazon.awscdk.services.apigateway.UsagePlanProps;
import software.amazon.awscdk.services.lambda.IFunction;
import software.constructs.Construct;
import software.constructs.IDependable;

/**
 * {@code POST /broadcastmessage} and {@code GET /broadcasts/{broadcastId}} on a regional REST API, callable only with
 * the API key of its usage plan (ADR 0003) and, with authorization on, an administrator's token its authorizer allows;
 * from browsers only on the site's origin.
 */
final class BroadcastApi extends Construct {

    /**
     * A broadcast is a person pressing a button, yet it costs one send per connection: the key may send one a second
     * (bursts of five) and 1,000 a day, which bounds what a leaked key can do.
     */
    static final int KEY_RATE_LIMIT = 1;
    static final int KEY_BURST_LIMIT = 5;
    static final int KEY_DAILY_QUOTA = 1_000;

    /** The whole stage, keyless CORS preflights included: a cap far above the key's, far below the account's. */
    static final int STAGE_RATE_LIMIT = 10;
    static final int STAGE_BURST_LIMIT = 20;

    private final RestApi api;
    private final IApiKey apiKey;
    private final String stageName;

    BroadcastApi(Construct scope, String id, String stageName, IFunction handler, IFunction statusHandler,
            String siteOrigin, Optional<IAuthorizer> administrators, IDependable apiGatewayLogging,
            RemovalPolicy logRemovalPolicy) {
        super(scope, id);
        this.stageName = stageName;
        this.api = RestApi.Builder.create(this, "Api")
                .restApiName(Stack.of(this).getStackName() + "-broadcast")
                .description("Parley broadcast: POST /" + BroadcastRoute.RESOURCE + " with the API key")
                .endpointTypes(List.of(EndpointType.REGIONAL))
                .cloudWatchRole(false)
                .deployOptions(StageOptions.builder()
                        .stageName(stageName)
                        .throttlingRateLimit(STAGE_RATE_LIMIT)
                        .throttlingBurstLimit(STAGE_BURST_LIMIT)
                        // The broadcast method itself no faster than the key may call it: with one key, that is all
                        // the stage's budget a broadcast may take, leaving the rest to CORS preflights (ADR 0009).
                        .methodOptions(Map.of("/" + BroadcastRoute.RESOURCE + "/POST", MethodDeploymentOptions.builder()
                                .throttlingRateLimit(KEY_RATE_LIMIT)
                                .throttlingBurstLimit(KEY_BURST_LIMIT)
                                .build()))
                        .loggingLevel(MethodLoggingLevel.ERROR)
                        .accessLogDestination(new LogGroupLogDestination(LogGroups.create(this, "AccessLogs", logRemovalPolicy)))
                        .accessLogFormat(AccessLogFormat.jsonWithStandardFields())
                        .build())
                .build();
        // API Gateway refuses a stage with logging until the account's CloudWatch role is set.
        api.getDeploymentStage().getNode().addDependency(apiGatewayLogging);
        // The stage's root URL, which CDK outputs by default, is no endpoint: the stack outputs the broadcast URL.
        api.getNode().tryRemoveChild("Endpoint");

        Resource broadcast = api.getRoot().addResource(BroadcastRoute.RESOURCE, preflight(BroadcastRoute.CORS, siteOrigin));
        Method post = broadcast.addMethod(BroadcastRoute.METHOD,
                LambdaIntegration.Builder.create(handler).allowTestInvoke(false).build(), keyedMethod(administrators));
        suppressKeyedMethodFindings(post, administrators);
        // The status of a queued broadcast, with the same key and authorizer as the broadcast itself.
        Resource status = api.getRoot().addResource(BroadcastStatusRoute.RESOURCE_PARENT)
                .addResource("{" + BroadcastStatusRoute.PATH_PARAMETER + "}",
                        preflight(BroadcastStatusRoute.CORS, siteOrigin));
        Method get = status.addMethod(BroadcastStatusRoute.METHOD,
                LambdaIntegration.Builder.create(statusHandler).allowTestInvoke(false).build(),
                keyedMethod(administrators));
        suppressKeyedMethodFindings(get, administrators);
        Nag.suppress(api, "AwsSolutions-APIG2", "the handler validates the body itself and answers 400 with Parley's error"
                + " object and CORS headers; a gateway validator would answer without them, so the page could not read why");
        Nag.suppress(api, "AwsSolutions-APIG3", "AWS WAF costs a fixed monthly fee per web ACL, more than idle Parley"
                + " itself; the key, the usage plan and the stage throttle bound the traffic that reaches the function");
        // The answers API Gateway gives itself (no key: 403, over the limit: 429) carry CORS too, so the page can show them.
        Map<String, String> cors = new HashMap<>();
        CorsPolicy.responseHeaders(siteOrigin).forEach((name, value) -> cors.put(name, "'" + value + "'"));
        api.addGatewayResponse("Default4xx", GatewayResponseOptions.builder()
                .type(ResponseType.DEFAULT_4_XX).responseHeaders(cors).build());
        api.addGatewayResponse("Default5xx", GatewayResponseOptions.builder()
                .type(ResponseType.DEFAULT_5_XX).responseHeaders(cors).build());

        this.apiKey = api.addApiKey("Key", ApiKeyOptions.builder()
                .description("Sends Parley broadcasts; read its value with aws apigateway get-api-key --include-value")
                .build());
        api.addUsagePlan("UsagePlan", UsagePlanProps.builder()
                .description("Bounds what the broadcast key can send")
                .throttle(ThrottleSettings.builder().rateLimit(KEY_RATE_LIMIT).burstLimit(KEY_BURST_LIMIT).build())
                .quota(QuotaSettings.builder().limit(KEY_DAILY_QUOTA).period(Period.DAY).build())
                .apiStages(List.of(UsagePlanPerApiStage.builder().api(api).stage(api.getDeploymentStage()).build()))
                .build())
                .addApiKey(apiKey);
    }

    /** API Gateway's own answer to the CORS preflight of a resource with {@code policy}, for the site only. */
    private static ResourceOptions preflight(CorsPolicy policy, String siteOrigin) {
        return ResourceOptions.builder()
                .defaultCorsPreflightOptions(CorsOptions.builder()
                        .allowOrigins(List.of(siteOrigin))
                        .allowMethods(policy.allowedMethods())
                        .allowHeaders(policy.allowedHeaders())
                        .build())
                .build();
    }

    /** A method callable with the key only and, with authorization on, an administrator's token. */
    private static MethodOptions keyedMethod(Optional<IAuthorizer> administrators) {
        MethodOptions.Builder options = MethodOptions.builder().apiKeyRequired(true);
        administrators.ifPresent(authorizer -> options.authorizer(authorizer).authorizationType(AuthorizationType.CUSTOM));
        return options.build();
    }

    private static void suppressKeyedMethodFindings(Method method, Optional<IAuthorizer> administrators) {
        if (administrators.isEmpty()) {
            String keyInsteadOfAuthorizer = "deployed with -c authorization=false: protected by a required API key with a"
                    + " throttled, capped usage plan only, as the chat is open to anyone (ADR 0003)";
            Nag.suppress(method, "AwsSolutions-APIG4", keyInsteadOfAuthorizer);
        }
        Nag.suppress(method, "AwsSolutions-COG4", "administrators are known by Parley's own HS256 tokens (role admin),"
                + " checked by a Lambda authorizer with the chat's signing secret, not by a Cognito user pool (ADR 0005)");
    }

    /**
     * The full URL of {@code POST /broadcastmessage}. It names the stage, not the stage resource ({@code urlForPath}
     * refers to it): the site's security headers hold this URL, and the stage, through its deployment and the CORS
     * preflight naming the site, depends on the site.
     */
    String url() {
        Stack stack = Stack.of(this);
        return "https://" + api.getRestApiId() + ".execute-api." + stack.getRegion() + "." + stack.getUrlSuffix() + "/"
                + stageName + "/" + BroadcastRoute.RESOURCE;
    }

    /** The id of the key (never its value, which only API Gateway holds). */
    String apiKeyId() {
        return apiKey.getKeyId();
    }
}
